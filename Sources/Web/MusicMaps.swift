import MusicMap
import TrackStore

/// The store's music maps for `serve`: one projection at a time, so two first requests do not both
/// fit and write the same cache.
actor MusicMaps {
    private let projector: MusicMapProjector

    init(store: TrackStore) {
        projector = MusicMapProjector(store: store)
    }

    func map(_ kind: EmbeddingKind) throws -> MusicMap {
        try projector.map(kind)
    }
}
