import Crypto
import Foundation
import GRDB
import TrackStore

/// A user as `tonearm users list` shows it.
public struct UserSummary: Sendable, Equatable {
    public let name: String
    public let createdAt: Date
    public let apiKeyCount: Int
}

/// The users of one store: names and API-key hashes in the store, passwords in the owner-only
/// credentials file beside it. The one place that checks a login, for the Subsonic API and the web app.
public struct UserDirectory: Sendable {
    let store: TrackStore
    private let credentials: CredentialsFile

    public init(store: TrackStore) {
        self.store = store
        credentials = CredentialsFile(storePath: store.path)
    }

    /// Where the passwords are kept, for messages and the README's warning.
    public var credentialsPath: String { credentials.path }

    public func add(name: String, password: String, at date: Date = Date()) throws {
        guard Self.isValid(name: name) else { throw UserDirectoryError.invalidName(name) }
        guard !password.isEmpty else { throw UserDirectoryError.emptyPassword }
        var passwords = try credentials.passwords()
        try store.dbPool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE name = ?", arguments: [name]) != nil {
                throw UserDirectoryError.alreadyExists(name)
            }
            try db.execute(sql: "INSERT INTO user (name, createdAt) VALUES (?, ?)", arguments: [name, date])
            // Written inside the transaction: a password that cannot be saved leaves no half-made user.
            passwords[name] = password
            try credentials.write(passwords)
        }
    }

    public func remove(name: String) throws {
        try store.dbPool.write { db in
            try db.execute(sql: "DELETE FROM user WHERE name = ?", arguments: [name])
            guard db.changesCount > 0 else { throw UserDirectoryError.noSuchUser(name) }
        }
        var passwords = try credentials.passwords()
        passwords[name] = nil
        try credentials.write(passwords)
    }

    public func list() throws -> [UserSummary] {
        try store.dbPool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT name, createdAt, (SELECT COUNT(*) FROM api_key WHERE userName = name) AS keys
                FROM user ORDER BY name
                """).map { UserSummary(name: $0["name"], createdAt: $0["createdAt"], apiKeyCount: $0["keys"]) }
        }
    }

    public func exists(_ name: String) throws -> Bool {
        try store.dbPool.read { try Bool.fetchOne($0, sql: "SELECT 1 FROM user WHERE name = ?", arguments: [name]) != nil }
    }

    /// A new random API key for the user, returned once; only its SHA-256 is stored.
    public func newAPIKey(for name: String, at date: Date = Date()) throws -> String {
        let key = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        try store.dbPool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM user WHERE name = ?", arguments: [name]) != nil else {
                throw UserDirectoryError.noSuchUser(name)
            }
            try db.execute(sql: "INSERT INTO api_key (hash, userName, createdAt) VALUES (?, ?, ?)",
                           arguments: [Self.hash(key), name, date])
        }
        return key
    }

    /// The user an API key belongs to, if any.
    public func user(forAPIKey key: String) throws -> String? {
        try store.dbPool.read { try String.fetchOne($0, sql: "SELECT userName FROM api_key WHERE hash = ?", arguments: [Self.hash(key)]) }
    }

    /// The stored password of an existing user (token authentication needs it in the clear).
    public func password(of name: String) throws -> String? {
        guard try exists(name) else { return nil }
        return try credentials.passwords()[name]
    }

    /// Whether `password` is the user's; digests are compared, in constant time.
    public func checkPassword(_ password: String, of name: String) throws -> Bool {
        guard let stored = try self.password(of: name) else { return false }
        return SHA256.hash(data: Data(stored.utf8)) == SHA256.hash(data: Data(password.utf8))
    }

    /// The per-store secret web sessions and signed stream links are made with, kept in the credentials file.
    public func sessionSecret() throws -> Data {
        try credentials.sessionSecret()
    }

    static func isValid(name: String) -> Bool {
        (1...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-@".contains($0)) }
    }

    static func hash(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
