import ArgumentParser
import Foundation
import TrackStore
import Users

struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage who may use the Subsonic API and the web login of `tonearm serve`.",
        discussion: """
            Names and API-key hashes are kept in the store; passwords in STORE.credentials beside it, \
            readable by its owner only (Subsonic token logins need the password itself).
            """,
        subcommands: [AddUser.self, ListUsers.self, RemoveUser.self, NewAPIKey.self]
    )
}

private func directory(_ store: StoreOptions) throws -> UserDirectory {
    UserDirectory(store: try TrackStore(path: store.absolutePath))
}

struct AddUser: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user; asks for the password.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "The user name (letters, digits, . _ - @).") var name: String
    @Option(help: "Read the password from the first line of this file instead of asking.") var passwordFile: String?

    func run() throws {
        let password = try passwordFile.map(readFirstLine) ?? PasswordPrompt.ask("Password for \(name): ")
        let users = try directory(store)
        try users.add(name: name, password: password)
        print("added \(name) (password kept in \(users.credentialsPath), owner-only)")
    }

    private func readFirstLine(_ path: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw UserError("cannot read password file \(path)")
        }
        return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }
}

struct ListUsers: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let users = try directory(store).list()
        if users.isEmpty { print("no users (add one with `tonearm users add NAME`)") }
        let formatter = ISO8601DateFormatter()
        for user in users {
            print("\(user.name)\tadded \(formatter.string(from: user.createdAt))\t\(user.apiKeyCount) API key\(user.apiKeyCount == 1 ? "" : "s")")
        }
    }
}

struct RemoveUser: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a user, its password and its API keys.")

    @OptionGroup var store: StoreOptions
    @Argument var name: String

    func run() throws {
        try directory(store).remove(name: name)
        print("removed \(name)")
    }
}

struct NewAPIKey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-key",
        abstract: "Print a new API key for a user (OpenSubsonic apiKey); shown once, only its hash is stored."
    )

    @OptionGroup var store: StoreOptions
    @Argument var name: String

    func run() throws {
        print(try directory(store).newAPIKey(for: name))
    }
}
