/// A track near another one, with the cosine similarity of their mean embeddings.
public struct Neighbor: Equatable, Sendable {
    public let trackId: Int64
    public let score: Double
}

/// Cosine similarity over one kind of mean embedding. Vectors are normalized once, so a query is a
/// dot product per track; meant to be built at startup and kept in memory.
public struct SimilarityIndex: Sendable {
    private let ids: [Int64]
    private let unitVectors: [[Double]]
    private let position: [Int64: Int]

    /// Zero vectors have no direction and are left out.
    public init(embeddings: [Int64: [Float]]) {
        var ids: [Int64] = [], unitVectors: [[Double]] = []
        for (id, vector) in embeddings.sorted(by: { $0.key < $1.key }) {
            let values = vector.map(Double.init)
            let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0, norm.isFinite else { continue }
            ids.append(id)
            unitVectors.append(values.map { $0 / norm })
        }
        self.ids = ids
        self.unitVectors = unitVectors
        position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    }

    public func contains(_ trackId: Int64) -> Bool { position[trackId] != nil }

    /// The `count` most similar tracks, best first (ties by id), never the query itself;
    /// nil when the query track is not in the index.
    public func nearest(to trackId: Int64, count: Int) -> [Neighbor]? {
        guard let query = position[trackId].map({ unitVectors[$0] }) else { return nil }
        let scored = zip(ids, unitVectors).lazy.filter { $0.0 != trackId }.map { id, vector in
            Neighbor(trackId: id, score: zip(query, vector).reduce(0) { $0 + $1.0 * $1.1 })
        }
        return Array(scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.trackId < $1.trackId }.prefix(count))
    }
}
