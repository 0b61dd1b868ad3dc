import Foundation
import Similarity
import TrackStore

/// A track found by similarity, with its cosine score.
public struct SimilarTrack: Sendable {
    public let track: Track
    public let score: Double
}

/// The analyzed collection loaded once into memory: what `serve`, `playlist` and `similar` query.
public struct Catalog: Sendable {
    public let playlists: PlaylistEngine
    private let similarity: [EmbeddingKind: SimilarityIndex]
    /// Track id → position in `playlists.tracks` (which is in path order).
    private let positions: TrackPositions
    /// Answers text searches from its full-text index.
    private let store: TrackStore

    public init(playlists: PlaylistEngine, similarity: [EmbeddingKind: SimilarityIndex], store: TrackStore) {
        self.playlists = playlists
        self.store = store
        positions = TrackPositions(playlists.tracks.indices.lazy.map { [tracks = playlists.tracks] in tracks[$0].track.id! })
        self.similarity = similarity
    }

    /// Loads the analyzed tracks and the embedding indexes of the given kinds, the latter through the
    /// index cache beside the store (see `SimilarityCache`); an index over `approximateFrom` tracks or
    /// more answers through HNSW.
    public static func load(from store: TrackStore, embeddings kinds: [EmbeddingKind] = EmbeddingKind.allCases,
                            approximateFrom threshold: Int = ApproximateSearch.threshold) throws -> Catalog {
        // The saved indexes are read from their files on the other core while SQLite reads the descriptors,
        // then the playlist engine's columns are laid out there while the indexes are checked against them.
        let cache = SimilarityCache(besideStoreAt: store.path)
        nonisolated(unsafe) var saved: [EmbeddingKind: (index: SimilarityIndex, key: String)] = [:]
        let reading = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: reading) {
            saved = Dictionary(uniqueKeysWithValues: kinds.compactMap { kind in cache.saved(kind).map { (kind, $0) } })
        }
        let descriptorsRead = Result { try store.descriptors(evidence: false) }
        reading.wait()
        let descriptors = try descriptorsRead.get()
        let styleLabels = try store.styleLabels()
        nonisolated(unsafe) var playlists: PlaylistEngine?
        let layingOut = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: layingOut) {
            playlists = PlaylistEngine(tracks: descriptors, styleLabels: styleLabels)
        }
        let similarity = Result {
            try Dictionary(uniqueKeysWithValues: kinds.map { kind in
                // Only analyzed tracks are offered as neighbours, like everywhere else. By index: iterating
                // copies every descriptor, seconds at a million tracks.
                let wanted = descriptors.indices.compactMap { row -> Int64? in
                    let has = kind == .effnet ? descriptors[row].effnet != nil : descriptors[row].musicnn != nil
                    return has ? descriptors[row].track.id! : nil
                }
                return (kind, try cache.index(kind, of: store, wanted: wanted, threshold: threshold, saved: saved[kind]))
            })
        }
        layingOut.wait()
        return Catalog(playlists: playlists!, similarity: try similarity.get(), store: store)
    }

    public var isEmpty: Bool { playlists.tracks.isEmpty }

    public func track(id: Int64) -> Track? { positions[id].map { playlists.tracks[$0].track } }

    /// The similarity engine's index of one embedding over the analyzed tracks, for callers that speak
    /// in track ids (the Subsonic API).
    public func similarityIndex(_ kind: EmbeddingKind) -> SimilarityIndex? { similarity[kind] }

    /// The embeddings at least one analyzed track has, in `EmbeddingKind` order (EffNet first).
    public var embeddedKinds: [EmbeddingKind] { EmbeddingKind.allCases.filter { (similarity[$0]?.count ?? 0) > 0 } }

    /// A track named by its id or by its path (absolute, or relative to the working directory).
    public func resolve(_ reference: String) throws -> Track {
        if let id = Int64(reference), let track = self.track(id: id) { return track }
        let path = URL(fileURLWithPath: reference).standardizedFileURL.path
        guard let track = self.track(path: reference) ?? self.track(path: path) else { throw QueryError.unknownTrack(reference) }
        return track
    }

    /// Binary search: the tracks are in the store's path order, SQLite's byte order of the UTF-8.
    private func track(path: String) -> Track? {
        let tracks = playlists.tracks
        var low = 0, high = tracks.count
        while low < high {
            let middle = (low + high) / 2
            if tracks[middle].track.path.utf8.lexicographicallyPrecedes(path.utf8) { low = middle + 1 } else { high = middle }
        }
        return low < tracks.count && tracks[low].track.path == path ? tracks[low].track : nil
    }

    /// The `count` nearest tracks by the given embedding, the query excluded.
    public func similar(to track: Track, by kind: EmbeddingKind, count: Int) throws -> [SimilarTrack] {
        try similar(seeds: [track], by: kind, count: count)
    }

    /// The `count` tracks nearest to every seed and away from the negatives (neither ever listed),
    /// among those `filter` matches (its sort and limit are ignored): the k nearest that pass, not the
    /// k nearest then filtered. At most `maxPerArtist` tracks of one artist tag when given. Scores are
    /// cosines to the seeds' combined direction (see `SimilarityIndex.similar`).
    public func similar(seeds: [Track], negatives: [Track] = [], by kind: EmbeddingKind, count: Int,
                        filter: PlaylistQuery? = nil, maxPerArtist: Int? = nil) throws -> [SimilarTrack] {
        let index = try self.index(kind, covering: seeds + negatives)
        let accepted = try filter.map { try acceptedIds($0) }
        let neighbors = index.similar(seeds: seeds.map { $0.id! }, negatives: negatives.map { $0.id! }, count: count,
                                      accepting: accepted.map { accepted in { Int($0) < accepted.count && accepted[Int($0)] } },
                                      maxPerGroup: maxPerArtist, group: { track(id: $0)?.artist?.lowercased() })
        return (neighbors ?? []).compactMap { neighbor in
            track(id: neighbor.trackId).map { SimilarTrack(track: $0, score: neighbor.score) }
        }
    }

    /// `length` distinct tracks from `start` to `end` (both included) by the given embedding.
    public func path(from start: Track, to end: Track, length: Int, by kind: EmbeddingKind,
                     method: PathMethod = .slerp) throws -> TrackPath {
        let index = try self.index(kind, covering: [start, end])
        guard start.id != end.id else {
            throw QueryError.invalidValue(parameter: "end", value: end.displayName, expected: "another track than the start")
        }
        guard let path = index.path(from: start.id!, to: end.id!, length: length, method: method) else {
            throw QueryError.invalidValue(parameter: "n", value: String(length),
                                          expected: "at least 2 and at most the \(index.count) tracks with a \(kind.rawValue) embedding")
        }
        return TrackPath(tracks: path.trackIds.compactMap(track(id:)), stepCosines: path.stepCosines,
                         smoothness: path.smoothness)
    }

    /// Analyzed tracks whose artist (or album) tag equals `name`, ignoring case: seeds for a whole artist or album.
    public func tracks(artist name: String) -> [Track] { tracks(tagged: \.artist, as: name) }
    public func tracks(album name: String) -> [Track] { tracks(tagged: \.album, as: name) }

    private func tracks(tagged tag: KeyPath<Track, String?>, as name: String) -> [Track] {
        playlists.tracks.map(\.track).filter { $0[keyPath: tag]?.caseInsensitiveCompare(name) == .orderedSame }
    }

    private func index(_ kind: EmbeddingKind, covering tracks: [Track]) throws -> SimilarityIndex {
        let index = similarity[kind] ?? SimilarityIndex(embeddings: [:])
        for track in tracks where !index.contains(track.id!) {
            throw QueryError.noEmbedding(kind: kind.rawValue, track: track.displayName)
        }
        return index
    }

    /// Indexed by track id: true for the tracks `filter` accepts. A flat array, since the similarity
    /// search asks about every track of the index.
    private func acceptedIds(_ filter: PlaylistQuery) throws -> [Bool] {
        let rows = try playlists.matchingRows(filter)
        let ids = rows.map { playlists.tracks[$0].track.id! }
        var accepted = [Bool](repeating: false, count: Int(ids.max() ?? 0) + 1)
        for id in ids { accepted[Int(id)] = true }
        return accepted
    }

    /// Tracks whose file name, artist, title or album has every word of `text` as the start of one
    /// of its words, accents and case aside (`TrackStore.searchTrackIds`), in id order; none for no words.
    /// A store that cannot be read finds nothing rather than failing the page.
    public func search(_ text: String, limit: Int) -> [Track] {
        let ids = (try? store.searchTrackIds(text, limit: limit) { positions[$0] != nil }) ?? []
        return ids.compactMap(track(id:))
    }
}
