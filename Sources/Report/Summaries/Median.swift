extension Array where Element == Double {
    /// The middle value (mean of the two middle ones for an even count); nil when empty.
    var median: Double? { quantile(0.5) }

    /// The `p`-quantile by linear interpolation between closest ranks (R's type 7, numpy's default),
    /// so the report's quartiles are the ones pandas or R print for the exported column; nil when empty.
    func quantile(_ p: Double) -> Double? {
        guard !isEmpty else { return nil }
        let sorted = self.sorted()
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
