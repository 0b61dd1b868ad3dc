extension SimilarityIndex {
    /// Distances HNSW computes per candidate it keeps: about the 2×M links of the bottom layer (M = 16).
    static let distancesPerCandidate = 32

    /// The HNSW answer, re-scored exactly: the graph's `breadth` candidates, those that pass, best `count`.
    /// A filter that lets a share p of the candidates through widens the search once to `breadth / p`, so
    /// the passing candidates reach as deep as an unfiltered query's (stopping at the first `count` that
    /// pass cost recall: the k nearest passing tracks lie about k / p deep in the whole ranking). nil when
    /// the exact scan over the passing rows costs less than the widened search, as it does for narrow filters.
    func approximateNearest(_ graph: NeighborGraph, packed query: [SIMD8<Float>], count: Int,
                            excluding excluded: Set<Int64>, accepting accept: ((Int64) -> Bool)?) -> [Neighbor]? {
        guard count > 0 else { return [] }
        let rows = self.rows.buffer
        return query.withUnsafeBufferPointer { query -> [Neighbor]? in
            let floats = UnsafeRawBufferPointer(query).bindMemory(to: Float.self)
            func search(breadth: Int) -> (best: [Neighbor], passing: Int, share: Double, walkedWhole: Bool) {
                let candidates = graph.candidates(for: floats, breadth: breadth)
                var best = TopK(capacity: count)
                var passing = 0
                for row in candidates where row < ids.count {
                    let id = ids[row]
                    guard !excluded.contains(id), accept?(id) ?? true else { continue }
                    passing += 1
                    best.offer(score: dot(query, row: 0, rows, from: row * lanesPerRow), id: id)
                }
                // Fewer candidates than asked for means the graph has been walked whole.
                return (best.sorted(), passing, Double(max(passing, 1)) / Double(max(candidates.count, 1)),
                        candidates.count < breadth)
            }
            let first = search(breadth: max(breadth, count + excluded.count))
            if first.walkedWhole || first.passing >= (accept == nil ? count : breadth) { return first.best }
            let widened = Int((Double(breadth) / first.share).rounded(.up))
            let searchCost = Double(widened * Self.distancesPerCandidate * graph.dimension)
            let scanCost = first.share * Double(self.count * dimension)
            guard searchCost < scanCost else { return nil }
            let second = search(breadth: widened)
            return second.walkedWhole || second.passing >= count ? second.best : nil
        }
    }
}
