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

    public init(tracks: [TrackDescriptors], styleLabels: [String]) {
        self.tracks = tracks
        self.styleLabels = styleLabels
        recommendedProfile = KeyProfileRecommendation.profile(for: tracks.compactMap(\.signal))
        styleIndex = Dictionary(styleLabels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
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
        let styleIndices = try query.styles.map { style in
            guard let index = styleIndex[style] else { throw QueryError.unknownStyle(style) }
            return index
        }
        let profile = query.profile
        return tracks.compactMap { descriptors -> PlaylistEntry? in
            let key = profile.map { descriptors.signal?.key($0) } ?? descriptors.shown?.keyEstimate
            let entry = PlaylistEntry(descriptors: descriptors,
                                      styleScore: styleScore(of: descriptors, indices: styleIndices), key: key)
            return accepts(entry, query) ? entry : nil
        }
    }

    private func styleScore(of descriptors: TrackDescriptors, indices: [Int]) -> Double? {
        guard !indices.isEmpty, let styles = descriptors.effnet?.styles.values else { return nil }
        return indices.compactMap { styles.indices.contains($0) ? Double(styles[$0]) : nil }.max()
    }

    private func accepts(_ entry: PlaylistEntry, _ query: PlaylistQuery) -> Bool {
        let effnet = entry.descriptors.effnet
        if !query.styles.isEmpty && (entry.styleScore ?? -1) < query.activation { return false }
        if query.voice != .any && !(effnet.map { query.voice.accepts(voice: $0.voice) } ?? false) { return false }
        let keyClass = entry.key.flatMap { KeyClass(key: $0.key, scale: $0.scale) }
        if let tonic = query.tonic, keyClass?.pitchClass != tonic { return false }
        if let scale = query.scale, keyClass?.scale != scale { return false }
        // A track lacking the descriptor a filter needs does not match that filter.
        return RangeFilter.allCases.allSatisfy { filter in
            filter.range(in: query).map { range in filter.value(of: entry.descriptors).map(range.contains) ?? false } ?? true
        }
    }

    /// Stable: ties keep path order. Tracks without the sort descriptor go last in either order.
    private func ordered(_ entries: [PlaylistEntry], by key: SortKey, order: SortOrder) -> [PlaylistEntry] {
        let keyed = entries.map { (entry: $0, value: key.value(of: $0)) }
        let sorted = keyed.enumerated().sorted { lhs, rhs in
            switch (lhs.element.value, rhs.element.value) {
            case let (left?, right?) where left != right: return order == .ascending ? left < right : left > right
            case (_?, nil): return true
            case (nil, _?): return false
            default: return lhs.offset < rhs.offset
            }
        }
        return sorted.map(\.element.entry)
    }
}
