import Playlists
import Similarity
import TrackStore

/// Subsonic's mixes and paths from the similarity engine (`Sources/Similarity`) over the catalog's
/// analyzed tracks: several seeds (an album, an artist) are the mean of their unit vectors, seeds
/// without the embedding are skipped, and a path is the engine's song path (`PathMethod.slerp`).
public struct CatalogSonicSimilarity: SonicSimilarity {
    private let index: SimilarityIndex

    public init(catalog: Catalog, kind: EmbeddingKind) {
        index = catalog.similarityIndex(kind) ?? SimilarityIndex(embeddings: [:])
    }

    public func similar(seeds: [Int64], count: Int) -> [SonicNeighbor]? {
        index.similar(seeds: seeds, count: count)?.map { SonicNeighbor(trackId: $0.trackId, cosine: $0.score) }
    }

    public func unitVector(of trackId: Int64) -> [Float]? {
        index.unitVector(of: trackId)
    }

    public func path(from start: Int64, to end: Int64, count: Int) -> [SonicNeighbor]? {
        guard index.contains(start), index.contains(end) else { return nil }
        if start == end || count < 2 { return [SonicNeighbor(trackId: start, cosine: 1)] }
        guard let path = index.path(from: start, to: end, length: min(count, index.count)) else { return nil }
        // The start is the start: its float32 self-cosine may round just below 1.
        return path.trackIds.compactMap { id in
            (id == start ? 1 : index.cosine(start, id)).map { SonicNeighbor(trackId: id, cosine: $0) }
        }
    }
}
