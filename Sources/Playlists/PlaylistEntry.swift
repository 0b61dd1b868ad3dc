import TrackStore

/// One track that matched a playlist query, with what the query computed for it.
public struct PlaylistEntry: Sendable {
    public let descriptors: TrackDescriptors
    /// Highest activation among the query's styles; nil when the query names no style.
    public let styleScore: Double?
    /// The key under the query's key profile, else the shown key (strength: its confidence).
    public let key: KeyEstimate?

    public var track: Track { descriptors.track }
}

/// A query's matches as positions in the engine's tracks: every match in path order, and the sorted,
/// limited playlist, whose entries are built only for the rows asked for.
public struct PlaylistResult: Sendable {
    /// The playlist: positions in `PlaylistEngine.tracks`, sorted, at most the query's limit.
    public let rows: [Int]
    /// Every match before the limit, in path order.
    public let matchedRows: [Int]
    /// The key profile the key filter and key column used; nil: the shown key.
    public let profile: KeyProfile?
    private let entry: @Sendable (Int) -> PlaylistEntry

    init(rows: [Int], matchedRows: [Int], profile: KeyProfile?, entry: @escaping @Sendable (Int) -> PlaylistEntry) {
        self.rows = rows
        self.matchedRows = matchedRows
        self.profile = profile
        self.entry = entry
    }

    public var totalMatches: Int { matchedRows.count }

    /// Every entry of the playlist.
    public var entries: [PlaylistEntry] { entries(in: 0..<rows.count) }

    /// The entries at `positions` of the playlist, clamped to its length.
    public func entries(in positions: Range<Int>) -> [PlaylistEntry] {
        positions.clamped(to: 0..<rows.count).map { entry(rows[$0]) }
    }

    /// "shown" or the profile's name.
    public var keySource: String { profile?.rawValue ?? "shown" }
}
