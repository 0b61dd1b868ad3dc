import TrackStore

/// Runs playlist queries over the analyzed tracks held in memory.
public struct PlaylistEngine: Sendable {
    public let tracks: [TrackDescriptors]
    /// Style names in the order of `EffnetFeatures.styles`.
    public let styleLabels: [String]
    /// The stored profile the report recommends among the three; the key filter uses the shown key unless
    /// the query names a profile.
    public let recommendedProfile: KeyProfile
    private let styleIndex: [String: Int]
    private let columns: FilterColumns

    public init(tracks: [TrackDescriptors], styleLabels: [String]) {
        self.tracks = tracks
        self.styleLabels = styleLabels
        recommendedProfile = KeyProfileRecommendation.profile(for: tracks.compactMap(\.signal))
        styleIndex = Dictionary(styleLabels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        columns = FilterColumns(tracks)
    }

    public func run(_ query: PlaylistQuery) throws -> PlaylistResult {
        let matches = try self.matches(query)
        let sort = query.sort ?? (query.styles.isEmpty ? .name : .style)
        let sorted = ordered(matches, by: sort, order: query.order ?? sort.defaultOrder)
        return PlaylistResult(entries: Array(sorted.prefix(query.limit ?? sorted.count)),
                              totalMatches: matches.count, profile: query.profile)
    }

    /// Every track the query's filters accept, in path order; its sort and limit do not apply.
    public func matches(_ query: PlaylistQuery) throws -> [PlaylistEntry] {
        let styleIndices = try self.styleIndices(query)
        return try matchingRows(query).map { row in
            let descriptors = tracks[row]
            let key = query.profile.map { descriptors.signal?.key($0) } ?? descriptors.shown?.keyEstimate
            return PlaylistEntry(descriptors: descriptors, styleScore: styleScore(of: descriptors, indices: styleIndices), key: key)
        }
    }

    /// Positions in `tracks` of every track the query's filters accept, ascending: `matches` without
    /// building the entries. A track lacking the descriptor a filter needs does not match that filter.
    public func matchingRows(_ query: PlaylistQuery) throws -> [Int] {
        let styleIndices = try self.styleIndices(query)
        var rows = columns.rows(passing: query)
        if !styleIndices.isEmpty {
            rows.removeAll { (styleScore(of: tracks[$0], indices: styleIndices) ?? -1) < query.activation }
        }
        return rows
    }

    private func styleIndices(_ query: PlaylistQuery) throws -> [Int] {
        try query.styles.map { style in
            guard let index = styleIndex[style] else { throw QueryError.unknownStyle(style) }
            return index
        }
    }

    private func styleScore(of descriptors: TrackDescriptors, indices: [Int]) -> Double? {
        guard !indices.isEmpty, let styles = descriptors.effnet?.styles.values else { return nil }
        return indices.compactMap { styles.indices.contains($0) ? Double(styles[$0]) : nil }.max()
    }

    /// Stable: ties keep path order. Tracks without the sort descriptor go last in either order.
    private func ordered(_ entries: [PlaylistEntry], by key: SortKey, order: SortOrder) -> [PlaylistEntry] {
        // Positions are sorted, not the entries: moving whole entries (many references each) dominated
        // the time of a large playlist.
        let values = entries.map { key.value(of: $0) }
        let sorted = entries.indices.sorted { lhs, rhs in
            switch (values[lhs], values[rhs]) {
            case let (left?, right?) where left != right: return order == .ascending ? left < right : left > right
            case (_?, nil): return true
            case (nil, _?): return false
            default: return lhs < rhs
            }
        }
        return sorted.map { entries[$0] }
    }
}
