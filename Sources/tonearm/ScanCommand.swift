import ArgumentParser
import CollectionScan
import Foundation
import TrackStore

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Record the audio files under a folder in the store without analyzing them.",
        discussion: """
            Does the first step of `analyze` only: new files are recorded as pending, changed files reset,
            and files gone from disk marked missing. Shows what the next `analyze` would have to do.
            """
    )

    @Argument(help: "The folder to scan (any nesting).")
    var folder: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        let trackStore = try TrackStore(path: store.absolutePath)
        let started = Date()
        let scan = try trackStore.sync(root: root)
        print("found \(scan.files.count) audio files: \(scan.added) new, \(scan.changed) changed, "
            + "\(scan.reappeared) back, \(scan.vanished) gone (marked missing) "
            + "in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        print("pending analysis: \(try trackStore.status().pending)")
    }
}
