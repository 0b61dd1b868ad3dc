import Foundation
import GRDB

public struct StoreStatus: Sendable, Equatable {
    public var analyzed: Int
    /// Analyzed tracks that lack at least one group (a model was missing when they were analyzed).
    public var incomplete: Int
    public var failed: Int
    public var pending: Int
    public var missing: Int
    /// Analyzed tracks whose descriptors come from excerpts (longer than the worker's long-track threshold).
    public var fromExcerpts: Int
    public var groupCounts: [AnalysisGroup: Int]
    /// Every distinct provenance string stored per group, with its track count.
    public var provenances: [AnalysisGroup: [String: Int]]
    public var failureReasons: [(stage: String, message: String, count: Int)]

    public static func == (lhs: StoreStatus, rhs: StoreStatus) -> Bool {
        lhs.analyzed == rhs.analyzed && lhs.incomplete == rhs.incomplete && lhs.failed == rhs.failed
            && lhs.pending == rhs.pending && lhs.missing == rhs.missing && lhs.fromExcerpts == rhs.fromExcerpts
            && lhs.groupCounts == rhs.groupCounts
    }
}

extension TrackStore {
    public func status() throws -> StoreStatus {
        try dbPool.read { db in
            func count(_ state: TrackState) throws -> Int {
                try Track.filter(Column("state") == state).fetchCount(db)
            }
            let joins = AnalysisGroup.allCases.map {
                "NOT EXISTS (SELECT 1 FROM \($0.smallColumnsTable) g WHERE g.trackId = track.id)"
            }.joined(separator: " OR ")
            let incomplete = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM track WHERE state = 'analyzed' AND (\(joins))") ?? 0
            let fromExcerpts = try Track.filter(Column("state") == TrackState.analyzed && Column("fromExcerpts") == true)
                .fetchCount(db)
            var groupCounts: [AnalysisGroup: Int] = [:]
            var provenances: [AnalysisGroup: [String: Int]] = [:]
            for group in AnalysisGroup.allCases {
                let rows = try Row.fetchAll(db, sql: "SELECT provenance, COUNT(*) AS n FROM \(group.smallColumnsTable) GROUP BY provenance")
                for row in rows {
                    provenances[group, default: [:]][row["provenance"]] = row["n"]
                    groupCounts[group, default: 0] += row["n"] as Int
                }
            }
            let reasons = try Row.fetchAll(db, sql: """
                SELECT stage, message, COUNT(*) AS n FROM analysis_error GROUP BY stage, message ORDER BY n DESC, stage
                """).map { (stage: $0["stage"] as String, message: $0["message"] as String, count: $0["n"] as Int) }
            return StoreStatus(analyzed: try count(.analyzed), incomplete: incomplete, failed: try count(.failed),
                               pending: try count(.pending), missing: try count(.missing), fromExcerpts: fromExcerpts,
                               groupCounts: groupCounts,
                               provenances: provenances, failureReasons: reasons)
        }
    }
}
