import CollectionScan
import Foundation
import TrackStore

/// startScan and getScanStatus: a scan is `tonearm scan` of the music folder (new files recorded for
/// `analyze`, changed ones reset, vanished ones marked missing), run in the background, one at a time.
/// Analysis stays with `tonearm analyze`, so a scan adds no songs to what players see by itself.
final class CollectionScans: @unchecked Sendable {
    private let store: TrackStore
    private let lock = NSLock()
    private var scanning = false
    private var lastFound: Int?

    init(store: TrackStore) {
        self.store = store
    }

    /// Scanning or not, and the audio files the last scan found (else the songs players see).
    func status(songCount: Int) -> SubsonicValue {
        lock.withLock { .element(SubsonicElement(["scanning": .bool(scanning), "count": .int(lastFound ?? songCount)])) }
    }

    /// Starts a scan of `root` unless one runs. A collection whose songs share no folder but `/` is not
    /// scanned whole: that would walk every file system.
    func start(under root: String, songCount: Int) throws -> SubsonicValue {
        guard !root.isEmpty, root != "/" else {
            throw SubsonicError.generic("The songs share no music folder below /; run `tonearm scan` on each of their folders")
        }
        let starting = lock.withLock { () -> Bool in
            guard !scanning else { return false }
            scanning = true
            return true
        }
        if starting {
            DispatchQueue.global(qos: .utility).async { [self] in
                let found = try? store.sync(root: root).files.count
                lock.withLock {
                    scanning = false
                    lastFound = found ?? lastFound
                }
            }
        }
        return status(songCount: songCount)
    }
}
