import Foundation
import MusicMap
import TrackStore

/// The store's music maps for `serve`: one projection at a time, so two first requests do not both
/// fit and write the same cache; and each map's data and JSON kept while the collection's version, or
/// else the map's fingerprint, stays the same: reading 100,000 points back from the store and encoding
/// them took seconds, and serve's own writes (saving the map itself) give the collection a new version.
actor MusicMaps {
    struct Built: Sendable {
        let data: MapData
        let json: Data
    }

    private let projector: MusicMapProjector
    private var built: [EmbeddingKind: (version: Int, fingerprint: String, map: Built)] = [:]

    init(store: TrackStore) {
        projector = MusicMapProjector(store: store)
    }

    func map(_ kind: EmbeddingKind, of snapshot: LiveCatalog.Snapshot) throws -> Built {
        let version = snapshot.facts.version
        if let cached = built[kind] {
            if cached.version == version { return cached.map }
            if try projector.fingerprint(kind) == cached.fingerprint {
                built[kind] = (version, cached.fingerprint, cached.map)
                return cached.map
            }
        }
        let projected = try projector.map(kind)
        let data = MapData(projected, catalog: snapshot.catalog)
        let map = Built(data: data, json: JSONResponse.encode(data))
        built[kind] = (version, projected.fingerprint, map)
        return map
    }
}
