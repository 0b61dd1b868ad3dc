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

/// Every match of a query (before its limit) and the limited, sorted list.
public struct PlaylistResult: Sendable {
    public let entries: [PlaylistEntry]
    public let totalMatches: Int
    /// The key profile the key filter and key column used; nil: the shown key.
    public let profile: KeyProfile?

    /// "shown" or the profile's name.
    public var keySource: String { profile?.rawValue ?? "shown" }
}
