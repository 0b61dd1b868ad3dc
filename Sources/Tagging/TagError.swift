/// A problem that stops `tonearm tag` as a whole, as one line.
public struct TagError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
