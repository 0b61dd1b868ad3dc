import Foundation
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
    private let tracksById: [Int64: Track]
    private let tracksByPath: [String: Track]

    public init(playlists: PlaylistEngine, similarity: [EmbeddingKind: SimilarityIndex]) {
        self.playlists = playlists
        let tracks = playlists.tracks.map(\.track)
        tracksById = Dictionary(uniqueKeysWithValues: tracks.map { ($0.id!, $0) })
        tracksByPath = Dictionary(uniqueKeysWithValues: tracks.map { ($0.path, $0) })
        self.similarity = similarity
    }

    /// Loads the analyzed tracks and the embedding indexes of the given kinds.
    public static func load(from store: TrackStore, embeddings kinds: [EmbeddingKind] = EmbeddingKind.allCases) throws -> Catalog {
        let descriptors = try store.descriptors()
        let analyzed = Set(descriptors.map { $0.track.id! })
        var similarity: [EmbeddingKind: SimilarityIndex] = [:]
        for kind in kinds {
            // Only analyzed tracks are offered as neighbours, like everywhere else.
            similarity[kind] = SimilarityIndex(embeddings: try store.embeddings(kind).filter { analyzed.contains($0.key) })
        }
        return Catalog(playlists: PlaylistEngine(tracks: descriptors, styleLabels: try store.styleLabels()),
                       similarity: similarity)
    }

    public var isEmpty: Bool { tracksById.isEmpty }

    public func track(id: Int64) -> Track? { tracksById[id] }

    /// A track named by its id or by its path (absolute, or relative to the working directory).
    public func resolve(_ reference: String) throws -> Track {
        if let id = Int64(reference), let track = tracksById[id] { return track }
        let path = URL(fileURLWithPath: reference).standardizedFileURL.path
        guard let track = tracksByPath[reference] ?? tracksByPath[path] else { throw QueryError.unknownTrack(reference) }
        return track
    }

    /// The `count` nearest tracks by the given embedding, the query excluded.
    public func similar(to track: Track, by kind: EmbeddingKind, count: Int) throws -> [SimilarTrack] {
        guard let neighbors = similarity[kind]?.nearest(to: track.id!, count: count) else {
            throw QueryError.noEmbedding(kind: kind.rawValue, track: track.displayName)
        }
        return neighbors.compactMap { neighbor in
            tracksById[neighbor.trackId].map { SimilarTrack(track: $0, score: neighbor.score) }
        }
    }

    /// Tracks whose file name or tags contain every word of `text`, case- and accent-insensitively.
    public func search(_ text: String, limit: Int) -> [Track] {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { return [] }
        let found = playlists.tracks.lazy.map(\.track).filter { track in
            let haystack = [(track.path as NSString).lastPathComponent, track.artist, track.title, track.album]
                .compactMap { $0 }.joined(separator: " ")
            return words.allSatisfy { haystack.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        }
        return Array(found.prefix(limit))
    }
}
