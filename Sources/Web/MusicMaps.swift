import Foundation
import MusicMap
import TrackStore

/// The store's music maps for `serve`: one projection at a time, so two first requests do not both
/// fit and write the same cache; and each map's data and JSON kept per version of the collection,
/// since reading 100,000 points back from the store and encoding them took seconds per request.
actor MusicMaps {
    struct Built: Sendable {
        let data: MapData
        let json: Data
    }

    private let projector: MusicMapProjector
    private var built: [EmbeddingKind: (version: Int, map: Built)] = [:]

    init(store: TrackStore) {
        projector = MusicMapProjector(store: store)
    }

    func map(_ kind: EmbeddingKind, of snapshot: LiveCatalog.Snapshot) throws -> Built {
        if let cached = built[kind], cached.version == snapshot.facts.version { return cached.map }
        let data = MapData(try projector.map(kind), catalog: snapshot.catalog)
        let map = Built(data: data, json: JSONResponse.encode(data))
        built[kind] = (snapshot.facts.version, map)
        return map
    }
}
