import MusicMap
import Playlists
import TrackStore

/// `GET /api/map`: the map as parallel arrays, index i describing one track, small enough for 20,000
/// tracks (names are looked up on demand through `/api/map/tracks`). Missing values are null
/// (numbers) or -1 (indexes into `genres` and `keys`).
struct MapData: Encodable, Sendable {
    let by: String
    let method: String
    let count: Int
    let ids: [Int64]
    let x: [Double]
    let y: [Double]
    /// Parent genres (the top style's part before "---"), most frequent first.
    let genres: [String]
    let genre: [Int]
    let bpm: [Double?]
    /// The 24 key classes, C major first.
    let keys: [String]
    let key: [Int]
    let arousal: [Double?]
    let valence: [Double?]

    /// `map`'s tracks that `catalog` knows, in `map`'s order.
    init(_ map: MusicMap, catalog: Catalog) {
        let known = map.trackIds.indices.filter { catalog.track(id: map.trackIds[$0]) != nil }
        let descriptors = Dictionary(uniqueKeysWithValues: catalog.playlists.tracks.map { ($0.track.id!, $0) })
        let rows = known.map { descriptors[map.trackIds[$0]]! }
        let parents = rows.map { Self.parentGenre($0, labels: catalog.playlists.styleLabels) }
        let counts = Dictionary(parents.compactMap { $0 }.map { ($0, 1) }, uniquingKeysWith: +)
        genres = counts.keys.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
        let genreIndex = Dictionary(uniqueKeysWithValues: genres.enumerated().map { ($1, $0) })
        keys = KeyClass.all.map(\.name)
        let keyIndex = Dictionary(uniqueKeysWithValues: KeyClass.all.enumerated().map { ($1, $0) })
        by = map.kind.rawValue
        method = "PCA (first two principal axes of the mean \(map.kind.rawValue) embeddings)"
        count = known.count
        ids = known.map { map.trackIds[$0] }
        x = known.map { map.x[$0] }
        y = known.map { map.y[$0] }
        genre = parents.map { $0.flatMap { genreIndex[$0] } ?? -1 }
        bpm = rows.map { $0.shown?.bpm.map { ($0 * 10).rounded() / 10 } }
        key = rows.map { $0.shown?.keyClass.flatMap { keyIndex[$0] } ?? -1 }
        arousal = rows.map { $0.musicnn.map { ($0.arousal * 100).rounded() / 100 } }
        valence = rows.map { $0.musicnn.map { ($0.valence * 100).rounded() / 100 } }
    }

    private static func parentGenre(_ descriptors: TrackDescriptors, labels: [String]) -> String? {
        guard let styles = descriptors.effnet?.styles.values, let top = styles.indices.max(by: { styles[$0] < styles[$1] }),
              labels.indices.contains(top) else { return nil }
        return labels[top].components(separatedBy: "---").first
    }
}

/// `GET /api/map/tracks?ids=`: what hovering or boxing needs to name and play tracks.
struct MapTracks: Encodable {
    struct Entry: Encodable {
        let id: Int64
        let name: String
        let audio: String
    }

    let tracks: [Entry]
}
