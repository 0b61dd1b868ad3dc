import Foundation

/// The two encodings of a reply (`f=xml`, the default, or `f=json`), from one element tree.
enum SubsonicFormat {
    case xml, json

    init(parameter: String?) {
        self = parameter?.lowercased() == "json" ? .json : .xml
    }

    var contentType: String {
        self == .json ? "application/json; charset=utf-8" : "application/xml; charset=utf-8"
    }

    func encode(_ root: SubsonicElement) -> Data {
        var text = ""
        switch self {
        case .json:
            text += #"{"subsonic-response":"#
            Self.appendJSON(root, to: &text)
            text += "}"
        case .xml:
            text += #"<?xml version="1.0" encoding="UTF-8"?>"#
            Self.appendXML(root, name: "subsonic-response", namespace: true, to: &text)
        }
        return Data(text.utf8)
    }

    /// Written directly rather than through JSONSerialization, which boxed every member of a 500-song
    /// reply into Foundation objects first and took most of its time. Members keep their order.
    private static func appendJSON(_ element: SubsonicElement, to text: inout String) {
        text += "{"
        for (index, (field, value)) in element.fields.enumerated() {
            if index > 0 { text += "," }
            appendJSONString(field, to: &text)
            text += ":"
            switch value {
            case .string(let string): appendJSONString(string, to: &text)
            case .int(let int): text += String(int)
            case .double(let double): text += xmlNumber(double)
            case .bool(let bool): text += bool ? "true" : "false"
            case .element(let child): appendJSON(child, to: &text)
            case .list(let list): appendJSONList(list, to: &text) { appendJSON($0, to: &$1) }
            case .strings(let strings): appendJSONList(strings, to: &text) { appendJSONString($0, to: &$1) }
            case .ints(let ints): appendJSONList(ints, to: &text) { $1 += String($0) }
            }
        }
        text += "}"
    }

    private static func appendJSONList<Item>(_ items: [Item], to text: inout String, _ append: (Item, inout String) -> Void) {
        text += "["
        for (index, item) in items.enumerated() {
            if index > 0 { text += "," }
            append(item, &text)
        }
        text += "]"
    }

    /// Quotes, backslashes and control characters escaped; everything else as it is (UTF-8, slashes too).
    private static func appendJSONString(_ string: String, to text: inout String) {
        text += "\""
        defer { text += "\"" }
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            text += string
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
    }

    private static func appendXML(_ element: SubsonicElement, name: String, namespace: Bool = false, to text: inout String) {
        text += "<\(name)"
        if namespace { text += #" xmlns="http://subsonic.org/restapi""# }
        var children: [(String, SubsonicValue)] = []
        for (field, value) in element.fields {
            switch value {
            case .string(let string): text += " \(field)=\"\(escaped(string))\""
            case .int(let int): text += " \(field)=\"\(int)\""
            case .double(let double): text += " \(field)=\"\(xmlNumber(double))\""
            case .bool(let bool): text += " \(field)=\"\(bool)\""
            case .element, .list, .strings, .ints: children.append((field, value))
            }
        }
        guard !children.isEmpty else { text += "/>"; return }
        text += ">"
        for (field, value) in children {
            switch value {
            case .element(let child): appendXML(child, name: field, to: &text)
            case .list(let list): list.forEach { appendXML($0, name: field, to: &text) }
            case .strings(let strings): strings.forEach { text += "<\(field)>\(escaped($0))</\(field)>" }
            case .ints(let ints): ints.forEach { text += "<\(field)>\($0)</\(field)>" }
            default: break
            }
        }
        text += "</\(name)>"
    }

    /// The number as JSON writes it: whole numbers without a trailing ".0".
    private static func xmlNumber(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// XML 1.0 cannot carry most control characters even escaped, so a tag holding one loses it.
    private static func escaped(_ string: String) -> String {
        guard string.unicodeScalars.contains(where: changedInXML) else { return string }
        var out = ""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += "&#\(scalar.value);"
            default: if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    private static func changedInXML(_ scalar: Unicode.Scalar) -> Bool {
        "&<>\"'".unicodeScalars.contains(scalar) || scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value)
    }
}
