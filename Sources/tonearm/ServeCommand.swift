import ArgumentParser
import Foundation
import Playlists
import Subsonic
import TrackStore
import Users
import Web

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Browse the collection in a local web app (playlists by descriptors, similar tracks) and over the Subsonic API under /rest.",
        discussion: """
            Beyond loopback (any --host but 127.0.0.1, ::1 or localhost) every page, download and audio file \
            needs a login by a user of `tonearm users`; serve refuses to start while there is none, unless --no-auth.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Address to listen on; the default keeps the app private to this machine.")
    var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8080
    @Option(help: "Embedding for Subsonic mixes and paths: effnet or musicnn (default: effnet when the store has it, else musicnn).")
    var mixBy: EmbeddingKind?
    @Flag(help: "Require a login even on loopback.")
    var auth = false
    @Flag(help: "Serve beyond loopback without any login: anyone who can reach the port gets every page and file.")
    var noAuth = false
    @Option(help: "Hours a web login lasts.")
    var sessionHours = 12.0
    @Option(help: "Folder the saved playlists' M3U8 files are written to (default: beside the store, tonearm.sqlite → tonearm-playlists/).")
    var playlists: String?

    func validate() throws {
        if auth && noAuth { throw ValidationError("--auth and --no-auth contradict each other") }
        guard sessionHours > 0 else { throw ValidationError("--session-hours must be positive") }
    }

    var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }

    func run() async throws {
        // Writable only for saved playlists (Subsonic clients' and the web app's); the collection itself is not touched.
        let trackStore = try store.openExisting(readOnly: false)
        let login = try webLogin(users: UserDirectory(store: trackStore))
        let app = try await buildApplication(store: trackStore, host: host, port: port,
                                             mixBy: mixBy.map(MixEmbedding.fixed) ?? .automatic, login: login,
                                             playlists: playlists.map { PlaylistFolder(URL(fileURLWithPath: $0)) })
        // Hummingbird logs the address it listens on, the actual port included.
        try await app.runService()
    }

    /// The login the policy asks for, checked before anything binds.
    private func webLogin(users: UserDirectory) throws -> WebLogin? {
        if noAuth {
            if !isLoopback {
                FileHandle.standardError.write(Data("warning: --no-auth: every page, playlist and audio file at \(host):\(port) is open to anyone who can reach it\n".utf8))
            }
            return nil
        }
        guard auth || !isLoopback else { return nil }
        guard try !users.list().isEmpty else {
            throw UserError("serving on \(host) needs a login but the store has no user: add one with `tonearm users add NAME` (or pass --no-auth to accept that anyone on the network gets everything)")
        }
        return try WebLogin(users: users, sessionLifetime: sessionHours * 3600)
    }
}
