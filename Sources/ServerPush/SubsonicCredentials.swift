import Foundation

/// Who `tonearm push` is on the user's server. The secret is read from a file (its first line), never
/// taken on the command line, where `ps` and the shell history would show it.
public struct SubsonicCredentials: Sendable {
    public enum Secret: Sendable {
        case password(String)
        /// An OpenSubsonic API key (extension `apiKeyAuthentication`), sent without a user name.
        case apiKey(String)
    }

    public var user: String
    public var secret: Secret

    public init(user: String, secret: Secret) {
        self.user = user
        self.secret = secret
    }

    /// The first line of the file, without its line end.
    public static func firstLine(of path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw PushError("cannot read \(path)") }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r")) } ?? ""
        guard !line.isEmpty else { throw PushError("\(path) is empty: its first line must hold the secret") }
        return line
    }
}
