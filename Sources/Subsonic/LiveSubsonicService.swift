import Foundation
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
    private let lock = NSLock()
    private var built: (version: Int, service: SubsonicService)?

    init(collection: @escaping Versioned, store: TrackStore, mixBy: MixEmbedding) {
        self.collection = collection
        self.store = store
        self.mixBy = mixBy
    }

    func current() throws -> SubsonicService {
        let (version, catalog) = collection()
        return try lock.withLock {
            if let built, built.version == version { return built.service }
            let service = try Self.service(catalog: catalog, store: store, mixBy: mixBy)
            built = (version, service)
            return service
        }
    }

    private static func service(catalog: Catalog, store: TrackStore, mixBy: MixEmbedding) throws -> SubsonicService {
        let kind: EmbeddingKind
        switch mixBy {
        case .fixed(let chosen): kind = chosen
        case .automatic: kind = (catalog.similarityIndex(.effnet)?.count ?? 0) > 0 ? .effnet : .musicnn
        }
        return SubsonicService(library: SubsonicLibrary(catalog: catalog, tags: try store.tags()), store: store,
                               similarity: CatalogSonicSimilarity(catalog: catalog, kind: kind))
    }
}
