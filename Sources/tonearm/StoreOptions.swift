import ArgumentParser
import Foundation
import TrackStore

/// The store every subcommand reads or writes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite store.")
    var db: String = "tonearm.sqlite"

    var absolutePath: String {
        URL(fileURLWithPath: db).standardizedFileURL.path
    }

    func openExisting(readOnly: Bool = true) throws -> TrackStore {
        try TrackStore.openExisting(path: absolutePath, readOnly: readOnly)
    }
}
