import GRDB

/// The tags players show beside title, artist and album: numbering, year, genre, album artist,
/// bitrate and whether the file carries a picture. Absent fields are nil.
public struct TrackTags: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "track_tags"

    public var trackId: Int64
    public var trackNumber: Int?
    public var discNumber: Int?
    public var year: Int?
    public var genre: String?
    public var albumArtist: String?
    /// Kilobits per second, as the container reports it.
    public var bitrate: Int?
    public var hasEmbeddedCover: Bool
    /// `tags-vN`, N the worker's tag-reading version.
    public var provenance: String

    /// Bump (here and as the worker's TAGS_VERSION) when the tags are read differently, so stores reread them.
    public static let readerVersion = 1

    public init(trackId: Int64, trackNumber: Int? = nil, discNumber: Int? = nil, year: Int? = nil, genre: String? = nil,
                albumArtist: String? = nil, bitrate: Int? = nil, hasEmbeddedCover: Bool = false, provenance: String) {
        self.trackId = trackId
        self.trackNumber = trackNumber
        self.discNumber = discNumber
        self.year = year
        self.genre = genre
        self.albumArtist = albumArtist
        self.bitrate = bitrate
        self.hasEmbeddedCover = hasEmbeddedCover
        self.provenance = provenance
    }
}

extension TrackStore {
    /// The stored tags of every track that has them, by track id.
    public func tags() throws -> [Int64: TrackTags] {
        try dbPool.read { db in
            Dictionary(uniqueKeysWithValues: try TrackTags.fetchAll(db).map { ($0.trackId, $0) })
        }
    }

    public func save(_ tags: TrackTags) throws {
        try dbPool.write { try tags.save($0) }
    }
}
