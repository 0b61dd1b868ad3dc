/// A track near another one, with the cosine similarity of their mean embeddings.
public struct Neighbor: Equatable, Sendable {
    public let trackId: Int64
    public let score: Double
}

/// Cosine similarity over one kind of mean embedding. Vectors are normalized once and kept as one
/// contiguous Float array (a 1280-d EffNet vector costs 5 KB a track), so a query is a dot product
/// per track; meant to be built at startup and kept in memory.
public struct SimilarityIndex: Sendable {
    private let ids: [Int64]
    private let dimension: Int
    /// `dimension` values per track, in the order of `ids`.
    private let unitVectors: [Float]
    private let position: [Int64: Int]

    /// Zero vectors have no direction, and vectors of another length than the first (by track id)
    /// cannot be compared with it; both are left out.
    public init(embeddings: [Int64: [Float]]) {
        let sorted = embeddings.sorted { $0.key < $1.key }
        let dimension = sorted.first?.value.count ?? 0
        var ids: [Int64] = [], unitVectors: [Float] = []
        for (id, vector) in sorted where vector.count == dimension {
            let norm = vector.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            guard norm > 0, norm.isFinite else { continue }
            ids.append(id)
            unitVectors += vector.map { Float(Double($0) / norm) }
        }
        self.ids = ids
        self.dimension = dimension
        self.unitVectors = unitVectors
        position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    }

    public func contains(_ trackId: Int64) -> Bool { position[trackId] != nil }

    /// The `count` most similar tracks, best first (ties by id), never the query itself;
    /// nil when the query track is not in the index.
    public func nearest(to trackId: Int64, count: Int) -> [Neighbor]? {
        guard let queryRow = position[trackId] else { return nil }
        let scored = unitVectors.withUnsafeBufferPointer { vectors in
            let query = vectors[(queryRow * dimension)..<((queryRow + 1) * dimension)]
            return ids.indices.filter { $0 != queryRow }.map { row in
                let vector = vectors[(row * dimension)..<((row + 1) * dimension)]
                return Neighbor(trackId: ids[row], score: zip(query, vector).reduce(0.0) { $0 + Double($1.0) * Double($1.1) })
            }
        }
        return Array(scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.trackId < $1.trackId }.prefix(count))
    }
}
