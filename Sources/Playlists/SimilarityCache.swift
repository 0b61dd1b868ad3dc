import Foundation
import Similarity
import TrackStore

/// The similarity indexes kept between runs in a directory beside the store (`STORE.similarity/KIND/`),
/// keyed by the store's embedding generation and the engine (exact or HNSW): loaded as they are when
/// nothing changed, grown when tracks were only added, rebuilt when one was changed or removed. A
/// cache that cannot be written (a read-only folder) only costs the rebuild on every start.
struct SimilarityCache {
    let directory: URL

    init(besideStoreAt path: String) {
        directory = URL(fileURLWithPath: path + ".similarity")
    }

    /// The index over the `wanted` tracks' embeddings of `kind`, HNSW from `threshold` tracks on.
    func index(_ kind: EmbeddingKind, of store: TrackStore, wanted: Set<Int64>, threshold: Int) throws -> SimilarityIndex {
        let approximate = wanted.count >= threshold
        let key = "generation \(try store.embeddingGeneration(kind)), \(approximate ? "hnsw" : "exact")"
        let folder = directory.appendingPathComponent(kind.rawValue)
        if let loaded = SimilarityIndex.load(from: folder), loaded.key == key {
            let cached = loaded.index
            let considered = Set(cached.consideredIds)
            if considered.isSubset(of: wanted) {
                let added = wanted.subtracting(considered)
                if added.isEmpty { return cached }
                if let grown = try? cached.adding(try store.embeddings(kind, of: Array(added)), savedIn: folder, key: key) {
                    return grown
                }
            }
        }
        let exact = try Self.exactIndex(kind, of: store, wanted: wanted)
        let built = approximate ? exact.approximated(by: .standard(dimension: exact.dimension)) : exact
        // The saved copy is memory-mapped: the rows leave the heap.
        guard (try? built.save(to: folder, key: key)) != nil, let saved = SimilarityIndex.load(from: folder) else { return built }
        return saved.index
    }

    /// Built from one matrix read of the store, freed before any graph is built over the rows.
    private static func exactIndex(_ kind: EmbeddingKind, of store: TrackStore, wanted: Set<Int64>) throws -> SimilarityIndex {
        let matrix = try store.embeddingMatrix(kind)
        return matrix.values.withUnsafeBufferPointer {
            SimilarityIndex(ids: matrix.ids, dimension: matrix.dimension, values: $0, keeping: wanted.contains)
        }
    }
}
