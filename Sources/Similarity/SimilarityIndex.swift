/// Exact cosine similarity over one kind of mean embedding. Each vector is normalized once and kept in
/// one contiguous array of `SIMD8<Float>` (zero-padded to a multiple of 8 values), so a query is one
/// vectorized dot product per track feeding a bounded top-k; meant to be built once and kept in memory.
public struct SimilarityIndex: Sendable {
    /// Track ids in ascending order; row r of `lanes` holds the vector of `ids[r]`.
    public let ids: [Int64]
    public let dimension: Int
    let lanesPerRow: Int
    let lanes: [SIMD8<Float>]
    private let rowOfId: [Int64: Int]

    /// Zero (or non-finite) vectors have no direction, and vectors of another length than the first
    /// (by track id) cannot be compared with it; both are left out.
    public init(embeddings: [Int64: [Float]]) {
        let sorted = embeddings.sorted { $0.key < $1.key }
        let dimension = sorted.first?.value.count ?? 0
        let kept = sorted.filter { $0.value.count == dimension }
        self.init(ids: kept.map(\.key), dimension: dimension, values: kept.flatMap(\.value))
    }

    /// Row r of `values` (`dimension` floats) is the vector of `ids[r]`, ids ascending: the store's
    /// `EmbeddingMatrix`. Zero (or non-finite) vectors are left out.
    public init(ids rowIds: [Int64], dimension: Int, values: [Float]) {
        let lanesPerRow = (dimension + 7) / 8
        var ids: [Int64] = [], lanes: [SIMD8<Float>] = []
        ids.reserveCapacity(rowIds.count)
        lanes.reserveCapacity(rowIds.count * lanesPerRow)
        values.withUnsafeBufferPointer { values in
            for (row, id) in rowIds.enumerated() {
                let vector = UnsafeBufferPointer(rebasing: values[(row * dimension)..<((row + 1) * dimension)])
                guard let unit = Self.packedUnitVector(vector, lanesPerRow: lanesPerRow) else { continue }
                ids.append(id)
                lanes += unit
            }
        }
        self.ids = ids
        self.dimension = dimension
        self.lanesPerRow = lanesPerRow
        self.lanes = lanes
        rowOfId = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    }

    public var count: Int { ids.count }

    public func contains(_ trackId: Int64) -> Bool { rowOfId[trackId] != nil }

    /// The track's normalized embedding, nil when it is not in the index.
    public func unitVector(of trackId: Int64) -> [Float]? {
        guard let row = rowOfId[trackId] else { return nil }
        return (0..<dimension).map { lanes[row * lanesPerRow + $0 / 8][$0 % 8] }
    }

    /// Cosine similarity of two indexed tracks.
    public func cosine(_ a: Int64, _ b: Int64) -> Double? {
        guard let rowA = rowOfId[a], let rowB = rowOfId[b] else { return nil }
        return lanes.withUnsafeBufferPointer { Double(dot($0, row: rowA, $0, from: rowB * lanesPerRow)) }
    }

    /// The `count` most similar tracks, best first (ties by id), never the query itself;
    /// nil when the query track is not in the index.
    public func nearest(to trackId: Int64, count: Int) -> [Neighbor]? {
        guard let row = rowOfId[trackId] else { return nil }
        let query = Array(lanes[(row * lanesPerRow)..<((row + 1) * lanesPerRow)])
        return nearest(packed: query, count: count, excluding: [trackId], accepting: nil)
    }

    /// The `count` tracks most similar to `vector` (any length-`dimension` direction) among those
    /// `accept` lets through, ids in `excluded` left out: the filter is applied before the cut, so this
    /// is "the k nearest that pass", never "the k nearest, then filtered". Empty for a zero vector.
    public func nearest(to vector: [Float], count: Int, excluding excluded: Set<Int64> = [],
                        accepting accept: ((Int64) -> Bool)? = nil) -> [Neighbor] {
        guard vector.count == dimension, let query = Self.packedUnitVector(vector, lanesPerRow: lanesPerRow) else { return [] }
        return nearest(packed: query, count: count, excluding: excluded, accepting: accept)
    }

    private func nearest(packed query: [SIMD8<Float>], count: Int, excluding excluded: Set<Int64>,
                         accepting accept: ((Int64) -> Bool)?) -> [Neighbor] {
        var best = TopK(capacity: count)
        lanes.withUnsafeBufferPointer { rows in
            query.withUnsafeBufferPointer { query in
                for row in ids.indices {
                    let id = ids[row]
                    if let accept, !accept(id) { continue }
                    let score = dot(query, row: 0, rows, from: row * lanesPerRow)
                    if score >= best.threshold, !excluded.contains(id) { best.offer(score: score, id: id) }
                }
            }
        }
        return best.sorted()
    }

    /// Dot product of row `row` of `a` (a buffer of `lanesPerRow`-lane rows) with the row starting at lane `start` of `b`.
    @inline(__always)
    private func dot(_ a: UnsafeBufferPointer<SIMD8<Float>>, row: Int, _ b: UnsafeBufferPointer<SIMD8<Float>>, from start: Int) -> Float {
        // Two accumulators hide the add latency; FMA (addingProduct) would be a libm call without -mfma.
        var even = SIMD8<Float>(), odd = SIMD8<Float>()
        let base = row * lanesPerRow
        var lane = 0
        while lane + 1 < lanesPerRow {
            even += a[base + lane] * b[start + lane]
            odd += a[base + lane + 1] * b[start + lane + 1]
            lane += 2
        }
        if lane < lanesPerRow { even += a[base + lane] * b[start + lane] }
        return (even + odd).sum()
    }

    static func packedUnitVector(_ vector: some Collection<Float>, lanesPerRow: Int) -> [SIMD8<Float>]? {
        let norm = vector.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        guard norm > 0, norm.isFinite else { return nil }
        var packed = [SIMD8<Float>](repeating: SIMD8(), count: lanesPerRow)
        for (index, value) in vector.enumerated() {
            packed[index / 8][index % 8] = Float(Double(value) / norm)
        }
        return packed
    }
}
