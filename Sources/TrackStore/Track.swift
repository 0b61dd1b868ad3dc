import Foundation
import GRDB

public enum TrackState: String, Codable, Sendable, DatabaseValueConvertible {
    /// Seen on disk; some analysis group is still to be computed.
    case pending
    /// Every group that could be computed with the available models is stored.
    case analyzed
    /// The last attempt failed; the reason is in `analysis_error`.
    case failed
    /// The file is gone from disk; rows are kept until `tonearm prune`.
    case missing
}

/// One audio file of the collection, identified by its absolute path (`path`, its readable form).
public struct Track: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "track"

    public var id: Int64?
    public var path: String
    public var size: Int64
    public var mtime: Double
    public var state: TrackState
    public var duration: Double?
    public var sampleRate: Int?
    public var channels: Int?
    public var codec: String?
    public var artist: String?
    public var title: String?
    public var album: String?
    public var analyzedAt: Date?
    /// Descriptors computed from evenly spaced excerpts, not the whole signal (a very long track).
    public var fromExcerpts = false
    /// The path's bytes when they are not valid UTF-8 (then `path` is only their readable form).
    public var pathBytes: Data?

    public init(path: String, size: Int64, mtime: Double, state: TrackState = .pending) {
        self.init(rawPath: RawPath(path), size: size, mtime: mtime, state: state)
    }

    public init(rawPath: RawPath, size: Int64, mtime: Double, state: TrackState = .pending) {
        path = rawPath.display
        pathBytes = rawPath.isUTF8 ? nil : Data(rawPath.bytes)
        self.size = size
        self.mtime = mtime
        self.state = state
    }

    /// The path as the file system holds it: what every file access must use.
    public var rawPath: RawPath {
        pathBytes.map { RawPath(bytes: Array($0)) } ?? RawPath(path)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// "Artist - Title" when tags have both, else the file name: what a playlist shows.
    public var displayName: String {
        if let artist, let title, !artist.isEmpty, !title.isEmpty { return "\(artist) - \(title)" }
        if let title, !title.isEmpty { return title }
        return (path as NSString).lastPathComponent
    }

    /// The columns `init(row:)` reads, in its order: every request for tracks selects exactly these,
    /// so a row maps to a track by column index instead of Codable's name lookups (a million rows at start-up).
    public static var databaseSelection: [any SQLSelectable] {
        ["id", "path", "size", "mtime", "state", "duration", "sampleRate", "channels", "codec", "artist", "title",
         "album", "analyzedAt", "fromExcerpts", "pathBytes"].map { Column($0) }
    }

    /// The one place a stored row becomes a track; its columns are `databaseSelection`'s.
    public init(row: Row) throws {
        id = row[0]
        path = row[1]
        size = row[2]
        mtime = row[3]
        state = TrackState(rawValue: row[4]) ?? .pending
        duration = row[5]
        sampleRate = row[6]
        channels = row[7]
        codec = row[8]
        artist = row[9]
        title = row[10]
        album = row[11]
        analyzedAt = row[12]
        fromExcerpts = row[13]
        pathBytes = row[14]
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let path = Column(CodingKeys.path)
        public static let state = Column(CodingKeys.state)
    }
}
