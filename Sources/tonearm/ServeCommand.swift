import ArgumentParser
import Web

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Browse the collection in a local web app: playlists by descriptors and similar tracks."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Address to listen on; the default keeps the app private to this machine.")
    var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8080

    func run() async throws {
        // Hummingbird logs the address it listens on, the actual port included.
        let app = try await buildApplication(store: store.openExisting(), host: host, port: port)
        try await app.runService()
    }
}
