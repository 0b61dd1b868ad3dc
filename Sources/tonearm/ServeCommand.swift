import ArgumentParser
import Subsonic
import TrackStore
import Web

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Browse the collection in a local web app (playlists by descriptors, similar tracks) and over the Subsonic API under /rest."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Address to listen on; the default keeps the app private to this machine.")
    var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8080
    @Option(help: "Embedding for Subsonic mixes and paths: effnet or musicnn (default: effnet when the store has it, else musicnn).")
    var mixBy: EmbeddingKind?

    func run() async throws {
        // Writable only for the saved playlists Subsonic clients create; the collection itself is not touched.
        let app = try await buildApplication(store: store.openExisting(readOnly: false), host: host, port: port,
                                             mixBy: mixBy.map(MixEmbedding.fixed) ?? .automatic)
        // Hummingbird logs the address it listens on, the actual port included.
        try await app.runService()
    }
}
