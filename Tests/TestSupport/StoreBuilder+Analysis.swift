import Foundation
import TrackStore

extension StoreBuilder {
    /// Inserts a track and stores exactly the analysis `configure` fills in (every field of every group),
    /// for tests that need descriptors `addTrack`'s defaults fix.
    @discardableResult
    public func addAnalyzedTrack(path: String, at date: Date = Date(),
                                 _ configure: (Int64, inout TrackAnalysis) -> Void) throws -> Int64 {
        let id = try insertTrack(path: path)
        var analysis = TrackAnalysis(trackId: id)
        configure(id, &analysis)
        try store.save(analysis, at: date)
        return id
    }

    /// Inserts a track whose analysis failed as a whole with the given reason.
    @discardableResult
    public func addFailedTrack(path: String, stage: String, message: String) throws -> Int64 {
        let id = try insertTrack(path: path)
        try store.recordFailure(trackId: id, stage: stage, message: message)
        return id
    }

    private func insertTrack(path: String) throws -> Int64 {
        try store.applyScan(added: [FoundFile(path: path, size: 1000, mtime: 1)], changed: [], reappeared: [], vanished: [])
        return try store.track(path: path)!.id!
    }
}
