import Foundation
import Listening
import Playlists
import TrackStore

/// The API's service over the latest version of a live collection: rebuilt (library, tags, mix
/// engine) the first time a request sees a new version, so players see what a concurrent `analyze`
/// added without restarting `serve`. Each request takes one service and answers from it alone. The
/// first is built on the first request, so `serve` does not wait for it at start-up.
final class LiveSubsonicService: @unchecked Sendable {
    typealias Versioned = @Sendable () -> (version: Int, catalog: Catalog)

    private let collection: Versioned
    private let store: TrackStore
    private let mixBy: MixEmbedding
    private let listening: ListeningStore
    private let scans: CollectionScans
    private let lock = NSLock()
    private var built: (version: Int, service: SubsonicService)?

    init(collection: @escaping Versioned, store: TrackStore, mixBy: MixEmbedding) {
        self.collection = collection
        self.store = store
        self.mixBy = mixBy
        listening = ListeningStore(store: store)
        scans = CollectionScans(store: store)
    }

    func current() throws -> SubsonicService {
        let (version, catalog) = collection()
        return try lock.withLock {
            if let built, built.version == version { return built.service }
            let fresh = try service(catalog: catalog)
            built = (version, fresh)
            return fresh
        }
    }

    private func service(catalog: Catalog) throws -> SubsonicService {
        let kind: EmbeddingKind
        switch mixBy {
        case .fixed(let chosen): kind = chosen
        case .automatic: kind = (catalog.similarityIndex(.effnet)?.count ?? 0) > 0 ? .effnet : .musicnn
        }
        let library = SubsonicLibrary(catalog: catalog, tags: try store.tags())
        let similarity = CatalogSonicSimilarity(catalog: catalog, kind: kind)
        return SubsonicService(library: library, store: store, listening: listening, similarity: similarity,
                               artistNeighbours: ArtistNeighbours(library: library, similarity: similarity), scans: scans)
    }
}
