import TrackStore

/// One track that matched a playlist query, with what the query computed for it.
public struct PlaylistEntry: Sendable {
    public let descriptors: TrackDescriptors
    /// Highest activation among the query's styles; nil when the query names no style.
    public let styleScore: Double?
    /// The key under the query's key profile.
    public let key: KeyEstimate?

    public var track: Track { descriptors.track }
}

/// Every match of a query (before its limit) and the limited, sorted list.
public struct PlaylistResult: Sendable {
    public let entries: [PlaylistEntry]
    public let totalMatches: Int
    /// The key profile the key filter and key column used.
    public let profile: KeyProfile
}
