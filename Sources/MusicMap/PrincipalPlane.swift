/// The plane through the mean of a set of vectors spanned by its first two principal axes, found by
/// block power iteration on the centred data (never forming the d×d covariance): each round costs two
/// passes over the vectors, and a fixed start and sign rule make it deterministic.
public struct PrincipalPlane: Sendable, Equatable {
    public let mean: [Float]
    public let axisX: [Float]
    public let axisY: [Float]

    public init(mean: [Float], axisX: [Float], axisY: [Float]) {
        self.mean = mean
        self.axisX = axisX
        self.axisY = axisY
    }

    /// Fits the plane to `vectors` (all of one length, at least one). Stops once both axes turn by less
    /// than about 0.01° in a round, or after `maximumRounds`.
    public init(fitting vectors: [[Float]], maximumRounds: Int = 100) {
        let dimension = vectors[0].count
        var mean = [Double](repeating: 0, count: dimension)
        for vector in vectors {
            for i in 0..<dimension { mean[i] += Double(vector[i]) }
        }
        mean = mean.map { $0 / Double(vectors.count) }
        // A start no real data is orthogonal to in practice; deterministic, unlike a random one.
        var axes = Self.orthonormal([(0..<dimension).map { 1 + Double($0 % 7) / 7 },
                                     (0..<dimension).map { Double($0 % 2 == 0 ? 1 : -1) + Double($0 % 5) / 5 }])
        for _ in 0..<maximumRounds {
            let next = Self.orthonormal(Self.covarianceTimes(axes, vectors, mean: mean))
            let turned = zip(axes, next).map { (old: [Double], new: [Double]) -> Double in
                1 - abs(zip(old, new).reduce(0.0) { $0 + $1.0 * $1.1 })
            }
            axes = next
            if turned.allSatisfy({ $0 < 1e-8 }) { break }
        }
        self.mean = mean.map { Float($0) }
        axisX = Self.signFixed(axes[0]).map { Float($0) }
        axisY = Self.signFixed(axes[1]).map { Float($0) }
    }

    public func project(_ vector: [Float]) -> (x: Double, y: Double) {
        var x = 0.0, y = 0.0
        for i in 0..<min(vector.count, mean.count) {
            let centred = Double(vector[i] - mean[i])
            x += centred * Double(axisX[i])
            y += centred * Double(axisY[i])
        }
        return (x, y)
    }

    /// Cᵀ(C·a) for both axes in one pass over the rows, C being the rows minus `mean`.
    private static func covarianceTimes(_ axes: [[Double]], _ rows: [[Float]], mean: [Double]) -> [[Double]] {
        let dimension = mean.count
        var first = [Double](repeating: 0, count: dimension), second = first
        var centred = [Double](repeating: 0, count: dimension)
        for row in rows {
            var dot0 = 0.0, dot1 = 0.0
            for i in 0..<dimension {
                centred[i] = Double(row[i]) - mean[i]
                dot0 += centred[i] * axes[0][i]
                dot1 += centred[i] * axes[1][i]
            }
            for i in 0..<dimension {
                first[i] += dot0 * centred[i]
                second[i] += dot1 * centred[i]
            }
        }
        return [first, second]
    }

    /// Gram–Schmidt; a vanishing second axis (data on a line) becomes any unit vector orthogonal to the first.
    private static func orthonormal(_ axes: [[Double]]) -> [[Double]] {
        let first = normalized(axes[0]) ?? unit(0, axes[0].count)
        var second = axes[1]
        let overlap = zip(second, first).reduce(0.0) { $0 + $1.0 * $1.1 }
        second = zip(second, first).map { $0 - overlap * $1 }
        return [first, normalized(second) ?? orthogonalUnit(to: first)]
    }

    private static func normalized(_ vector: [Double]) -> [Double]? {
        let length = vector.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        return length > 1e-12 ? vector.map { $0 / length } : nil
    }

    private static func unit(_ index: Int, _ dimension: Int) -> [Double] {
        (0..<dimension).map { $0 == index ? 1 : 0 }
    }

    private static func orthogonalUnit(to axis: [Double]) -> [Double] {
        let index = axis.indices.min { abs(axis[$0]) < abs(axis[$1]) } ?? 0
        let candidate = unit(index, axis.count)
        let overlap = axis[index]
        return normalized(zip(candidate, axis).map { $0 - overlap * $1 }) ?? candidate
    }

    /// An axis and its negation span the same line; pick the one whose largest entry is positive.
    private static func signFixed(_ axis: [Double]) -> [Double] {
        let largest = axis.max { abs($0) < abs($1) } ?? 0
        return largest < 0 ? axis.map { -$0 } : axis
    }
}
