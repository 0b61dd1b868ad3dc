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

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let path = Column(CodingKeys.path)
        public static let state = Column(CodingKeys.state)
    }
}
