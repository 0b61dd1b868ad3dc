extension SimilarityIndex {
    /// How strongly negative seeds push a mix away: the query direction is the mean of the seeds' unit
    /// vectors minus this share of the negatives' mean. Below 1 so that one negative close to the seeds
    /// cannot cancel them.
    public static let negativeWeight: Float = 0.5

    /// The `count` tracks nearest to all `seeds` and away from `negatives` (neither of which is ever
    /// listed) that `accept` lets through, best first, with at most `maxPerGroup` tracks of one
    /// `group` (e.g. artist; tracks whose group is nil are never capped). nil when no seed is indexed.
    /// Scores are the cosine to the combined direction.
    public func similar(seeds: [Int64], negatives: [Int64] = [], count: Int,
                        accepting accept: ((Int64) -> Bool)? = nil,
                        maxPerGroup: Int? = nil, group: ((Int64) -> String?)? = nil) -> [Neighbor]? {
        guard let direction = direction(seeds: seeds, negatives: negatives) else { return nil }
        let excluded = Set(seeds + negatives)
        guard let maxPerGroup, let group else {
            return nearest(to: direction, count: count, excluding: excluded, accepting: accept)
        }
        // The cap is applied greedily, best first; a prefix of the ranking that already yields `count`
        // capped tracks gives the same answer as the whole ranking, so fetch more only until it does.
        var fetch = count
        while true {
            let ranked = nearest(to: direction, count: fetch, excluding: excluded, accepting: accept)
            let capped = Self.capped(ranked, maxPerGroup: maxPerGroup, group: group)
            if capped.count >= count || ranked.count < fetch { return Array(capped.prefix(count)) }
            fetch *= 4
        }
    }

    /// The normalized query direction for seeds and negatives; nil when no seed is indexed.
    func direction(seeds: [Int64], negatives: [Int64]) -> [Float]? {
        func mean(_ tracks: [Int64]) -> [Float]? {
            let vectors = tracks.compactMap(unitVector(of:))
            guard !vectors.isEmpty else { return nil }
            var sum = [Float](repeating: 0, count: dimension)
            for vector in vectors { for index in sum.indices { sum[index] += vector[index] } }
            return sum.map { $0 / Float(vectors.count) }
        }
        guard var direction = mean(seeds) else { return nil }
        if let away = mean(negatives) {
            for index in direction.indices { direction[index] -= Self.negativeWeight * away[index] }
        }
        return direction
    }

    private static func capped(_ ranked: [Neighbor], maxPerGroup: Int, group: (Int64) -> String?) -> [Neighbor] {
        var taken: [String: Int] = [:]
        return ranked.filter { neighbor in
            guard let name = group(neighbor.trackId) else { return true }
            taken[name, default: 0] += 1
            return taken[name]! <= maxPerGroup
        }
    }
}
