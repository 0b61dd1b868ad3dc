import GRDB

extension TrackStore {
    /// A counter the store bumps whenever a stored embedding of `kind` is changed or removed (adding
    /// one leaves it alone): with the set of track ids, what the similarity index cache is keyed by.
    public func embeddingGeneration(_ kind: EmbeddingKind) throws -> Int64 {
        try dbPool.read { db in
            try Int64.fetchOne(db, sql: "SELECT generation FROM embedding_generation WHERE kind = ?", arguments: [kind.rawValue]) ?? 0
        }
    }

    /// Mean embeddings of the given tracks that have them, by track id.
    public func embeddings(_ kind: EmbeddingKind, of trackIds: [Int64]) throws -> [Int64: [Float]] {
        try dbPool.read { db in
            var result: [Int64: [Float]] = [:]
            // SQLite caps bound parameters per statement.
            for start in stride(from: 0, to: trackIds.count, by: 500) {
                let chunk = Array(trackIds[start..<min(start + 500, trackIds.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchCursor(db, sql: "SELECT trackId, embedding FROM \(kind.group.tableName) WHERE trackId IN (\(marks))",
                                               arguments: StatementArguments(chunk))
                while let row = try rows.next() {
                    result[row["trackId"]] = FloatVector.fromDatabaseValue(row["embedding"])?.values
                }
            }
            return result
        }
    }
}
