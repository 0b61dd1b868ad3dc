import Playlists
import TrackStore

/// The interim engine over today's catalog: one seed asks `Catalog.similar(to:by:count:)`; several
/// seeds (an album, an artist) rank every track by its cosine to the normalized mean of the seeds'
/// unit vectors. A path walks from start to end: step i of n takes the unused track nearest to
/// the normalized blend (1 − i/(n−1))·start + (i/(n−1))·end, so it drifts evenly from one to the other.
public struct CatalogSonicSimilarity: SonicSimilarity {
    let catalog: Catalog
    let kind: EmbeddingKind
    private let unitVectors: [Int64: [Double]]

    public init(catalog: Catalog, kind: EmbeddingKind, embeddings: [Int64: [Float]]) {
        self.catalog = catalog
        self.kind = kind
        var unit: [Int64: [Double]] = [:]
        for (id, vector) in embeddings where catalog.track(id: id) != nil {
            if let normalized = Self.normalized(vector.map(Double.init)) { unit[id] = normalized }
        }
        unitVectors = unit
    }

    public func similar(seeds: [Int64], count: Int) -> [SonicNeighbor]? {
        if seeds.count == 1, let track = catalog.track(id: seeds[0]),
           let found = try? catalog.similar(to: track, by: kind, count: count) {
            return found.map { SonicNeighbor(trackId: $0.track.id!, cosine: $0.score) }
        }
        let vectors = seeds.compactMap { unitVectors[$0] }
        guard let first = vectors.first, let query = Self.normalized(vectors.dropFirst().reduce(first, Self.sum)) else { return nil }
        return Array(ranked(by: query, excluding: Set(seeds)).prefix(count))
    }

    public func path(from start: Int64, to end: Int64, count: Int) -> [SonicNeighbor]? {
        guard let a = unitVectors[start], let b = unitVectors[end] else { return nil }
        if start == end || count < 2 { return [SonicNeighbor(trackId: start, cosine: 1)] }
        var used: Set<Int64> = [start, end]
        var steps = [start]
        let inner = min(count - 2, unitVectors.count - used.count)
        for step in stride(from: 1, through: inner, by: 1) {
            let t = Double(step) / Double(inner + 1)
            guard let target = Self.normalized(Self.sum(a.map { $0 * (1 - t) }, b.map { $0 * t })),
                  let next = ranked(by: target, excluding: used).first else { break }
            used.insert(next.trackId)
            steps.append(next.trackId)
        }
        steps.append(end)
        return steps.map { SonicNeighbor(trackId: $0, cosine: Self.dot(a, unitVectors[$0]!)) }
    }

    private func ranked(by query: [Double], excluding: Set<Int64>) -> [SonicNeighbor] {
        unitVectors.compactMap { id, vector in excluding.contains(id) ? nil : SonicNeighbor(trackId: id, cosine: Self.dot(query, vector)) }
            .sorted { $0.cosine != $1.cosine ? $0.cosine > $1.cosine : $0.trackId < $1.trackId }
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    private static func sum(_ a: [Double], _ b: [Double]) -> [Double] {
        a.count == b.count ? zip(a, b).map(+) : a
    }

    private static func normalized(_ vector: [Double]) -> [Double]? {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0, norm.isFinite else { return nil }
        return vector.map { $0 / norm }
    }
}
