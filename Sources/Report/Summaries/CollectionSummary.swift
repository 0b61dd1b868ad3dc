import Foundation
import TrackStore

/// The facts in the report's header: how big the collection is and what went wrong.
public struct CollectionSummary: Sendable {
    public struct FormatCount: Sendable, Equatable {
        public var codec: String
        public var tracks: Int
    }

    public struct FailureReason: Sendable, Equatable {
        public var stage: String
        public var message: String
        public var tracks: Int
    }

    public var analyzed: Int
    /// Analyzed tracks lacking a group because its model was not available.
    public var incomplete: Int
    public var failed: Int
    public var pending: Int
    public var missing: Int
    /// Analyzed tracks described from excerpts (very long tracks).
    public var fromExcerpts: Int
    /// Seconds of audio in the analyzed tracks.
    public var totalDuration: Double
    public var formats: [FormatCount]
    public var failureReasons: [FailureReason]
    public var failures: [AnalysisError]
    /// Per descriptor group, what computed it (model names and digests) and for how many tracks.
    public var provenances: [AnalysisGroup: [String: Int]]
    public var firstAnalysis: Date?
    public var lastAnalysis: Date?

    public init(_ data: ReportData) {
        let analyzedTracks = data.tracks.map(\.track).filter { $0.state == .analyzed }
        analyzed = data.status.analyzed
        incomplete = data.status.incomplete
        failed = data.status.failed
        pending = data.status.pending
        missing = data.status.missing
        fromExcerpts = data.status.fromExcerpts
        totalDuration = analyzedTracks.compactMap(\.duration).reduce(0, +)
        let codecs = Dictionary(grouping: analyzedTracks, by: { $0.codec ?? "unknown" })
        formats = codecs.map { FormatCount(codec: $0.key, tracks: $0.value.count) }
            .sorted { ($0.tracks, $1.codec) > ($1.tracks, $0.codec) }
        failureReasons = data.status.failureReasons.map { FailureReason(stage: $0.stage, message: $0.message, tracks: $0.count) }
        failures = data.errors
        provenances = data.status.provenances
        let dates = analyzedTracks.compactMap(\.analyzedAt)
        firstAnalysis = dates.min()
        lastAnalysis = dates.max()
    }
}
