/// A problem that stops `tonearm push`, as one line (never holding a password or token); `code` is
/// the Subsonic error code when the server answered with one.
public struct PushError: Error, CustomStringConvertible {
    public let description: String
    public let code: Int?

    public init(_ description: String, code: Int? = nil) {
        self.description = description
        self.code = code
    }
}
