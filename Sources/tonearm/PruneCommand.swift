import ArgumentParser
import TrackStore

struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete the tracks whose files are gone from disk (marked missing by analyze)."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let removed = try store.openExisting(readOnly: false).pruneMissing()
        print("removed \(removed) missing track\(removed == 1 ? "" : "s")")
    }
}
