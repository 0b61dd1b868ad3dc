/// One element of a reply, in the shape both formats share: scalar members (XML attributes),
/// child elements, lists of child elements and lists of strings (XML repeated elements).
public struct SubsonicElement: Sendable {
    public var fields: [(name: String, value: SubsonicValue)]

    /// Members in order; nil values are left out, so optional tags need no `if`.
    public init(_ fields: KeyValuePairs<String, SubsonicValue?>) {
        self.fields = fields.compactMap { name, value in value.map { (name, $0) } }
    }

    public init(fields: [(name: String, value: SubsonicValue)]) {
        self.fields = fields
    }

    /// This element with `more` members after its own.
    func adding(_ more: [(name: String, value: SubsonicValue)]) -> SubsonicElement {
        SubsonicElement(fields: fields + more)
    }
}

public indirect enum SubsonicValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case element(SubsonicElement)
    case list([SubsonicElement])
    case strings([String])
    case ints([Int])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
