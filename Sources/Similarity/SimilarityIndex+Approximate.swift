extension SimilarityIndex {
    /// Queries whose filter lets fewer than this share of the graph's candidates through go to the
    /// exact scan over the passing rows at once: widening the search that far costs more than the scan.
    static let narrowestApproximateShare = 0.02

    /// The HNSW answer, re-scored exactly: the graph's `breadth` candidates (more when the query
    /// excludes tracks), those that pass, best `count`. A filter widens the search (4× per round)
    /// until `count` pass; nil when it passes so little that the exact scan is the better engine.
    func approximateNearest(_ graph: NeighbourGraph, packed query: [SIMD8<Float>], count: Int,
                            excluding excluded: Set<Int64>, accepting accept: ((Int64) -> Bool)?) -> [Neighbor]? {
        guard count > 0 else { return [] }
        var breadth = max(self.breadth, count + excluded.count)
        let widest = max(4 * self.breadth, Int(Double(self.count) * Self.narrowestApproximateShare))
        let rows = self.rows.buffer
        return query.withUnsafeBufferPointer { query -> [Neighbor]? in
            let floats = UnsafeRawBufferPointer(query).bindMemory(to: Float.self)
            while true {
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
                if passing >= count || candidates.count < breadth { return best.sorted() }
                let share = Double(passing) / Double(max(candidates.count, 1))
                guard share >= Self.narrowestApproximateShare, breadth < widest else { return nil }
                breadth = min(breadth * 4, widest)
            }
        }
    }
}
