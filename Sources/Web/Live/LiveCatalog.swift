import Dispatch
import Foundation
import Playlists
import TrackStore

/// The collection `serve` answers from. It is replaced whole when the store changes, and each request
/// takes `current` (or `snapshot`) once, so one request never mixes two versions of the collection.
final class LiveCatalog: @unchecked Sendable {
    /// One version of the collection with the facts computed from it, computed once per version.
    struct Snapshot: Sendable {
        let catalog: Catalog
        let facts: CollectionFacts
    }

    private let lock = NSLock()
    private var latest: Snapshot
    private var watch: DispatchSourceTimer?

    init(_ catalog: Catalog, state: AnalysisCounts) {
        latest = Snapshot(catalog: catalog, facts: CollectionFacts(catalog: catalog, version: 1, state: state))
    }

    /// Loads the store's collection now, then reloads it whenever another process commits to the store.
    convenience init(watching store: TrackStore, every interval: DispatchTimeInterval = .seconds(1)) throws {
        self.init(try Catalog.load(from: store), state: try store.analysisCounts())
        try startWatching(store, every: interval)
    }

    deinit { watch?.cancel() }

    var snapshot: Snapshot { lock.withLock { latest } }
    var current: Catalog { snapshot.catalog }

    func replace(with catalog: Catalog, state: AnalysisCounts) {
        // Computed outside the lock: requests keep reading the previous version meanwhile.
        let version = snapshot.facts.version + 1
        let next = Snapshot(catalog: catalog, facts: CollectionFacts(catalog: catalog, version: version, state: state))
        lock.withLock { latest = next }
    }

    /// Polls on a queue of its own, off the request path; a reload that fails keeps the previous collection.
    private func startWatching(_ store: TrackStore, every interval: DispatchTimeInterval) throws {
        let watcher = try StoreChangeWatcher(store: store)
        var seen = try watcher.dataVersion(), stamp = try watcher.collectionStamp()
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "tonearm.catalog-reload"))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { [weak self] in
            guard let self, let version = try? watcher.dataVersion(), version != seen else { return }
            seen = version
            // Players' scrobbles and stars commit too; only a change of the collection itself reloads it.
            guard let now = try? watcher.collectionStamp(), now != stamp else { return }
            stamp = now
            do {
                self.replace(with: try Catalog.load(from: store), state: try store.analysisCounts())
            } catch {
                FileHandle.standardError.write(Data("serve: kept the previous collection, reloading the store failed: \(error)\n".utf8))
            }
        }
        timer.resume()
        watch = timer
    }
}
