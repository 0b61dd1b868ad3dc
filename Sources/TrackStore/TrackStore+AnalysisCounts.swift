import GRDB

/// How far the analysis of the collection got, cheap enough to ask whenever the store changes.
public struct AnalysisCounts: Codable, Sendable, Equatable {
    public var analyzed: Int
    public var pending: Int
    public var failed: Int

    public init(analyzed: Int, pending: Int, failed: Int) {
        (self.analyzed, self.pending, self.failed) = (analyzed, pending, failed)
    }
}

extension TrackStore {
    public func analysisCounts() throws -> AnalysisCounts {
        try dbPool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM track GROUP BY state")
            let counts = Dictionary(uniqueKeysWithValues: rows.map { ($0["state"] as String, $0["n"] as Int) })
            func count(_ state: TrackState) -> Int { counts[state.rawValue] ?? 0 }
            return AnalysisCounts(analyzed: count(.analyzed), pending: count(.pending), failed: count(.failed))
        }
    }
}
