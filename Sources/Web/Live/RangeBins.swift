/// Equal-width bins from a minimum to a maximum (the maximum falls in the last bin, values beyond
/// either end in the end bins): the collection's histogram under a range filter, and the matches' one.
struct RangeBins: Encodable, Sendable {
    static let binCount = 40

    let min: Double
    let max: Double
    let bins: [Int]

    /// Bins spanning `values`; all zero at 0…0 when there is none.
    init(values: [Double]) {
        self.init(min: values.min() ?? 0, max: values.max() ?? 0)
        self = counting(values)
    }

    init(min: Double, max: Double) {
        self.min = min
        self.max = max
        bins = [Int](repeating: 0, count: Self.binCount)
    }

    private init(min: Double, max: Double, bins: [Int]) {
        (self.min, self.max, self.bins) = (min, max, bins)
    }

    func index(of value: Double) -> Int {
        guard max > min else { return 0 }
        let index = Int(((value - min) / (max - min) * Double(Self.binCount)).rounded(.down))
        return Swift.min(Swift.max(index, 0), Self.binCount - 1)
    }

    /// The same bins over other values.
    func counting(_ values: [Double]) -> RangeBins {
        var counts = [Int](repeating: 0, count: Self.binCount)
        for value in values { counts[index(of: value)] += 1 }
        return RangeBins(min: min, max: max, bins: counts)
    }

    /// The same bins over `column`'s values at `rows`; NaN (no value) counts nowhere.
    func counting(rows: [Int], of column: [Double]) -> RangeBins {
        var counts = [Int](repeating: 0, count: Self.binCount)
        column.withUnsafeBufferPointer { column in
            for row in rows where !column[row].isNaN { counts[index(of: column[row])] += 1 }
        }
        return RangeBins(min: min, max: max, bins: counts)
    }
}
