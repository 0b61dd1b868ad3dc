import Foundation
import GRDB

/// Everything one worker pass produced for one track; groups not computed are nil.
public struct TrackAnalysis: Sendable {
    public var trackId: Int64
    public var duration: Double?
    public var sampleRate: Int?
    public var channels: Int?
    public var codec: String?
    public var artist: String?
    public var title: String?
    public var album: String?
    public var fromExcerpts: Bool?
    public var signal: SignalFeatures?
    public var evidence: EvidenceFeatures?
    public var tempoCNN: TempoCNNFeatures?
    public var effnet: EffnetFeatures?
    public var musicnn: MusicnnFeatures?
    public var tags: TrackTags?
    /// Groups that failed in this pass, with the reason; the others are still stored.
    public var groupErrors: [AnalysisGroup: String]

    public init(trackId: Int64) {
        self.trackId = trackId
        groupErrors = [:]
    }
}

extension TrackStore {
    /// Stores one track's results in a single transaction, replacing older rows of the same groups,
    /// and recomputes the track's shown descriptors from what is then stored.
    public func save(_ analysis: TrackAnalysis, at date: Date = Date()) throws {
        try dbPool.write { db in try Self.write(analysis, at: date, in: db) }
    }

    /// Stores many tracks' results in one transaction: for bulk loads, where a commit per track would dominate.
    public func save(_ analyses: [TrackAnalysis], at date: Date = Date()) throws {
        try dbPool.write { db in
            for analysis in analyses { try Self.write(analysis, at: date, in: db) }
        }
    }

    private static func write(_ analysis: TrackAnalysis, at date: Date, in db: Database) throws {
        guard var track = try Track.fetchOne(db, key: analysis.trackId) else { return }
        track.duration = analysis.duration ?? track.duration
        track.sampleRate = analysis.sampleRate ?? track.sampleRate
        track.channels = analysis.channels ?? track.channels
        track.codec = analysis.codec ?? track.codec
        track.artist = analysis.artist ?? track.artist
        track.title = analysis.title ?? track.title
        track.album = analysis.album ?? track.album
        track.fromExcerpts = analysis.fromExcerpts ?? track.fromExcerpts
        track.analyzedAt = date
        track.state = analysis.groupErrors.isEmpty ? .analyzed : .failed
        try track.update(db)
        try analysis.signal?.save(db)
        try analysis.evidence?.save(db)
        try analysis.tempoCNN?.save(db)
        try analysis.effnet?.save(db)
        try analysis.musicnn?.save(db)
        try analysis.tags?.save(db)
        try ShownDescriptors.refresh(trackId: analysis.trackId, in: db)
        try db.execute(sql: "DELETE FROM analysis_error WHERE trackId = ?", arguments: [analysis.trackId])
        for (group, message) in analysis.groupErrors.sorted(by: { $0.key < $1.key }) {
            var error = AnalysisError(trackId: analysis.trackId, path: track.path, stage: group.rawValue,
                                      message: message, at: date)
            try error.insert(db)
        }
    }

    /// Marks a track failed as a whole (undecodable, worker crash, timeout), keeping any groups stored before.
    public func recordFailure(trackId: Int64, stage: String, message: String, at date: Date = Date()) throws {
        try dbPool.write { db in
            guard let track = try Track.fetchOne(db, key: trackId) else { return }
            try db.execute(sql: "UPDATE track SET state = ? WHERE id = ?", arguments: [TrackState.failed, trackId])
            try db.execute(sql: "DELETE FROM analysis_error WHERE trackId = ?", arguments: [trackId])
            var error = AnalysisError(trackId: trackId, path: track.path, stage: stage, message: message, at: date)
            try error.insert(db)
        }
    }

    /// Stores the 400 style names once; they come from the genre head's metadata.
    public func saveStyleLabels(_ labels: [String]) throws {
        try dbPool.write { db in
            try db.execute(sql: "DELETE FROM style_label")
            for (index, name) in labels.enumerated() {
                try db.execute(sql: "INSERT INTO style_label (idx, name) VALUES (?, ?)", arguments: [index, name])
            }
        }
    }

    public func styleLabels() throws -> [String] {
        try dbPool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM style_label ORDER BY idx")
        }
    }
}

extension TrackStore {
    /// For tracks whose groups are all current already, so no worker needs to see them.
    public func markAnalyzed(_ ids: [Int64]) throws {
        try dbPool.write { db in
            for id in ids {
                try db.execute(sql: "UPDATE track SET state = ? WHERE id = ?", arguments: [TrackState.analyzed, id])
            }
        }
    }
}
