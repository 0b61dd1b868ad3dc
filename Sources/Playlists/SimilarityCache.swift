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

    /// The index of `kind` as saved by an earlier run, with its key; nil when there is none. Reads only
    /// files, so it can run while the store is busy with another read.
    func saved(_ kind: EmbeddingKind) -> (index: SimilarityIndex, key: String)? {
        SimilarityIndex.load(from: directory.appendingPathComponent(kind.rawValue))
    }

    /// The index over the `wanted` tracks' embeddings of `kind`, HNSW from `threshold` tracks on: the
    /// `saved` one when it still fits the store, grown by the tracks added since, or built anew.
    func index(_ kind: EmbeddingKind, of store: TrackStore, wanted: [Int64], threshold: Int,
               saved: (index: SimilarityIndex, key: String)?) throws -> SimilarityIndex {
        let approximate = wanted.count >= threshold
        let key = "generation \(try store.embeddingGeneration(kind)), \(approximate ? "hnsw" : "exact")"
        let folder = directory.appendingPathComponent(kind.rawValue)
        // Flat id-indexed tables rather than sets: a million hashed ids cost seconds of start-up.
        let wantedPositions = TrackPositions(wanted)
        if let saved, saved.key == key {
            let cached = saved.index
            let consideredIds = cached.consideredIds
            if consideredIds.allSatisfy({ wantedPositions[$0] != nil }) {
                let considered = TrackPositions(consideredIds)
                let added = wanted.filter { considered[$0] == nil }
                if added.isEmpty { return cached }
                if let grown = try? cached.adding(try store.embeddings(kind, of: added), savedIn: folder, key: key) {
                    return grown
                }
            }
        }
        let exact = try Self.exactIndex(kind, of: store, keeping: { wantedPositions[$0] != nil })
        let built = approximate ? exact.approximated(by: .standard(dimension: exact.dimension)) : exact
        // The saved copy is memory-mapped: the rows leave the heap.
        guard (try? built.save(to: folder, key: key)) != nil, let resaved = SimilarityIndex.load(from: folder) else { return built }
        return resaved.index
    }

    /// Built from one matrix read of the store, freed before any graph is built over the rows.
    private static func exactIndex(_ kind: EmbeddingKind, of store: TrackStore, keeping keep: (Int64) -> Bool) throws -> SimilarityIndex {
        let matrix = try store.embeddingMatrix(kind)
        return matrix.values.withUnsafeBufferPointer {
            SimilarityIndex(ids: matrix.ids, dimension: matrix.dimension, values: $0, keeping: keep)
        }
    }
}
