import ArgumentParser
import Foundation
import Models
import TrackStore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show how many tracks are analyzed, incomplete, failed, pending or missing."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let trackStore = try store.openExisting()
        let status = try trackStore.status()
        let size = (try? FileManager.default.attributesOfItem(atPath: store.absolutePath)[.size] as? Int) ?? 0
        print("store      \(store.absolutePath) (\(ByteCountFormatter.string(fromByteCount: Int64(size), countStyle: .file)))")
        print("analyzed   \(status.analyzed)  (incomplete: \(status.incomplete), from excerpts: \(status.fromExcerpts))")
        print("failed     \(status.failed)")
        print("pending    \(status.pending)")
        print("missing    \(status.missing)")
        for group in AnalysisGroup.allCases {
            let name = group.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            print("group \(name) \(status.groupCounts[group] ?? 0) tracks")
            for (provenance, count) in (status.provenances[group] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let unverified = Provenance.unverifiedModels(in: provenance)
                let note = unverified.isEmpty ? "" : "  UNVERIFIED model: \(unverified.joined(separator: ", "))"
                print("      \(count) × \(provenance)\(note)")
            }
        }
        if !status.failureReasons.isEmpty {
            print("failures:")
            for reason in status.failureReasons {
                print("  \(reason.count) × [\(reason.stage)] \(reason.message)")
            }
        }
    }
}
