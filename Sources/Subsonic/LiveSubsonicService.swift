import Foundation
import Listening
import Playlists
import TrackStore

/// The API's service over the latest version of a live collection: rebuilt (library, tags, mix
/// engine) the first time a request sees a new version, so players see what a concurrent `analyze`
/// added without restarting `serve`. Each request takes one service and answers from it alone. The
/// first is built in the background from the start (2 s at 10^5 tracks), so `serve` does not wait for
/// it and the first player rarely does.
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
        Task { [self] in _ = try? await current() }
    }

    /// The service of the latest version, built on the API's reply threads (seconds at 10^5 tracks)
    /// when the collection changed since the last request.
    func current() async throws -> SubsonicService {
        let (version, catalog) = collection()
        if let built = lock.withLock({ built }), built.version == version { return built.service }
        return try await ReplyThreads.run { [self] in
            try lock.withLock {
                if let built, built.version == version { return built.service }
                let fresh = try service(catalog: catalog)
                built = (version, fresh)
                return fresh
            }
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
