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
    private let names: NameRanks

    public init(tracks: [TrackDescriptors], styleLabels: [String]) {
        self.tracks = tracks
        self.styleLabels = styleLabels
        styleIndex = Dictionary(styleLabels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let columns = FilterColumns(tracks)
        self.columns = columns
        recommendedProfile = KeyProfileRecommendation(keys: KeyProfile.allCases.map { columns.profileKeys[$0]! }, missing: .none)?
            .profile ?? .temperley
        names = NameRanks(tracks)
    }

    /// Filters and sorts positions only; the result builds entries for the rows a caller shows, so a
    /// page of a 100,000-track playlist does not build 100,000 entries.
    public func run(_ query: PlaylistQuery) throws -> PlaylistResult {
        let styleIndices = try self.styleIndices(query)
        let matched = matchingRows(query, styleIndices: styleIndices)
        let sort = query.sort ?? (query.styles.isEmpty ? .name : .style)
        let sorted = ordered(matched, by: sort, order: query.order ?? sort.defaultOrder, query: query, styleIndices: styleIndices)
        return PlaylistResult(rows: Array(sorted.prefix(query.limit ?? sorted.count)), matchedRows: matched,
                              profile: query.profile) { row in
            PlaylistEntry(descriptors: tracks[row], styleScore: styleScore(of: tracks[row], indices: styleIndices),
                          key: key(of: row, profile: query.profile))
        }
    }

    /// Positions in `tracks` of every track the query's filters accept, ascending; its sort and limit
    /// do not apply. A track lacking the descriptor a filter needs does not match that filter.
    public func matchingRows(_ query: PlaylistQuery) throws -> [Int] {
        matchingRows(query, styleIndices: try styleIndices(query))
    }

    /// The value every track has for a range filter (NaN: none), in `tracks` order.
    public func column(_ filter: RangeFilter) -> [Double] {
        switch filter {
        case .bpm: return columns.bpm
        case .dance: return columns.danceability
        case .arousal: return columns.arousal
        case .valence: return columns.valence
        case .loudness: return columns.loudness
        }
    }

    private func matchingRows(_ query: PlaylistQuery, styleIndices: [Int]) -> [Int] {
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

    /// The key under the query's profile, else the shown key.
    private func key(of row: Int, profile: KeyProfile?) -> KeyEstimate? {
        profile.map { tracks[row].signal?.key($0) } ?? tracks[row].shown?.keyEstimate
    }

    /// The number a track sorts by; nil when it lacks the descriptor. Names sort by their precomputed rank.
    private func sortValue(of row: Int, by key: SortKey, query: PlaylistQuery, styleIndices: [Int], nameRanks: [Int32]) -> Double? {
        func present(_ value: Double) -> Double? { value.isNaN ? nil : value }
        switch key {
        case .style: return styleScore(of: tracks[row], indices: styleIndices)
        case .name: return Double(nameRanks[row])
        case .bpm: return present(columns.bpm[row])
        case .tempocnn: return tracks[row].tempoCNN?.bpm
        case .dance: return present(columns.danceability[row])
        case .voice: return present(columns.voice[row])
        case .arousal: return present(columns.arousal[row])
        case .valence: return present(columns.valence[row])
        case .loudness: return present(columns.loudness[row])
        case .keyStrength: return self.key(of: row, profile: query.profile)?.strength
        case .duration: return tracks[row].track.duration
        }
    }

    /// Stable: ties keep path order. Tracks without the sort descriptor go last in either order.
    private func ordered(_ rows: [Int], by key: SortKey, order: SortOrder, query: PlaylistQuery, styleIndices: [Int]) -> [Int] {
        let nameRanks = key == .name ? names.all : []
        let values = rows.map { sortValue(of: $0, by: key, query: query, styleIndices: styleIndices, nameRanks: nameRanks) }
        let sorted = rows.indices.sorted { lhs, rhs in
            switch (values[lhs], values[rhs]) {
            case let (left?, right?) where left != right: return order == .ascending ? left < right : left > right
            case (_?, nil): return true
            case (nil, _?): return false
            default: return lhs < rhs
            }
        }
        return sorted.map { rows[$0] }
    }
}
