/// Counts of values in equal-width bins, aligned to multiples of the bin width so that
/// bin edges are round numbers (120–125 BPM, not 117.3–122.3).
public struct Histogram: Encodable, Equatable, Sendable {
    public var lowerBound: Double
    public var binWidth: Double
    public var counts: [Int]

    /// Bins spanning the values and every value in `including` (e.g. reference lines that must stay in view).
    public init(values: [Double], binWidth: Double, including extra: [Double] = []) {
        let span = values + extra
        let lower = ((span.min() ?? 0) / binWidth).rounded(.down) * binWidth
        let upper = span.max() ?? 0
        self.init(values: values, binWidth: binWidth, lowerBound: lower,
                  binCount: Int(((upper - lower) / binWidth).rounded(.down)) + 1)
    }

    /// Bins covering exactly `domain`; the upper edge counts in the last bin (danceability 1.0).
    public init(values: [Double], binWidth: Double, domain: ClosedRange<Double>) {
        self.init(values: values, binWidth: binWidth, lowerBound: domain.lowerBound,
                  binCount: Int(((domain.upperBound - domain.lowerBound) / binWidth).rounded()))
    }

    private init(values: [Double], binWidth: Double, lowerBound: Double, binCount: Int) {
        self.lowerBound = lowerBound
        self.binWidth = binWidth
        var counts = [Int](repeating: 0, count: max(binCount, 1))
        for value in values {
            let index = Int(((value - lowerBound) / binWidth).rounded(.down))
            counts[min(max(index, 0), counts.count - 1)] += 1
        }
        self.counts = counts
    }
}
