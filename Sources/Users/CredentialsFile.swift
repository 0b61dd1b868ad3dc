import Foundation

/// The passwords Subsonic token authentication needs in the clear (a client sends md5(password + salt),
/// which only the password itself can check), in a JSON file beside the store that only its owner
/// can read (mode 0600). Written whole to a temporary file of the same mode, then renamed over it.
struct CredentialsFile {
    let path: String

    private struct Contents: Codable {
        var passwords: [String: String] = [:]
    }

    /// `tonearm.sqlite` → `tonearm.sqlite.credentials`.
    init(storePath: String) {
        path = storePath + ".credentials"
    }

    func passwords() throws -> [String: String] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        do {
            return try JSONDecoder().decode(Contents.self, from: Data(contentsOf: URL(fileURLWithPath: path))).passwords
        } catch {
            throw UserDirectoryError.unreadableCredentials(path: path, reason: "\(error.localizedDescription)")
        }
    }

    func write(_ passwords: [String: String]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data = try encoder.encode(Contents(passwords: passwords))
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
