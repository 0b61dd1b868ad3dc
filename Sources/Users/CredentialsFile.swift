import Foundation

/// The passwords Subsonic token authentication needs in the clear (a client sends md5(password + salt),
/// which only the password itself can check), in a JSON file beside the store that only its owner
/// can read (mode 0600), with the store's secret for signing web sessions and stream links. Written whole to a temporary file of the same mode, then renamed over it.
struct CredentialsFile {
    let path: String

    private struct Contents: Codable {
        var passwords: [String: String] = [:]
        /// Base64 of 32 random bytes, made on first use.
        var sessionSecret: String?
    }

    /// `tonearm.sqlite` → `tonearm.sqlite.credentials`.
    init(storePath: String) {
        path = storePath + ".credentials"
    }

    func passwords() throws -> [String: String] {
        try contents().passwords
    }

    func write(_ passwords: [String: String]) throws {
        var contents = try contents()
        contents.passwords = passwords
        try write(contents)
    }

    /// The store's signing secret, generated and saved the first time it is asked for.
    func sessionSecret() throws -> Data {
        var contents = try contents()
        if let saved = contents.sessionSecret, let secret = Data(base64Encoded: saved) { return secret }
        let secret = Data((0..<32).map { _ in UInt8.random(in: 0...255) })
        contents.sessionSecret = secret.base64EncodedString()
        try write(contents)
        return secret
    }

    private func contents() throws -> Contents {
        guard FileManager.default.fileExists(atPath: path) else { return Contents() }
        do {
            return try JSONDecoder().decode(Contents.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw UserDirectoryError.unreadableCredentials(path: path, reason: "\(error.localizedDescription)")
        }
    }

    private func write(_ contents: Contents) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data = try encoder.encode(contents)
        let temporary = path + ".tmp"
        FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600])
        guard let handle = FileHandle(forWritingAtPath: temporary) else {
            throw UserDirectoryError.unreadableCredentials(path: temporary, reason: "cannot be written")
        }
        try handle.write(contentsOf: data)
        try handle.synchronize()
        try handle.close()
        guard rename(temporary, path) == 0 else {
            throw UserDirectoryError.unreadableCredentials(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
