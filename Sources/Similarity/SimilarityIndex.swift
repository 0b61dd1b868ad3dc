import Foundation

/// Cosine similarity over one kind of mean embedding. Each vector is normalized once and kept in one
/// contiguous block of `SIMD8<Float>` rows (zero-padded to a multiple of 8 values), owned or
/// memory-mapped from the index cache. Below `ApproximateSearch.threshold` tracks a query is an exact
/// vectorized scan feeding a bounded top-k; above it an HNSW graph proposes candidates that are
/// re-scored exactly on the rows (see SimilarityIndex+Approximate).
public struct SimilarityIndex: Sendable {
    /// Track ids in row order: row r of `rows` holds the vector of `ids[r]`.
    public let ids: [Int64]
    public let dimension: Int
    let rows: VectorRows
    /// Tracks considered but left out (zero or mis-sized vectors), so a cache knows it has seen them.
    let skipped: [Int64]
    let graph: NeighborGraph?
    /// Candidates per approximate query (HNSW's ef); only meaningful with a graph.
    public var breadth: Int
    private let rowOfId: [Int64: Int]

    var lanesPerRow: Int { rows.lanesPerRow }

    /// The exact index. Zero (or non-finite) vectors have no direction, and vectors of another length
    /// than the first (by track id) cannot be compared with it; both are left out.
    public init(embeddings: [Int64: [Float]]) {
        let sorted = embeddings.sorted { $0.key < $1.key }
        let packed = Self.pack(sorted, dimension: sorted.first?.value.count ?? 0)
        self.init(ids: packed.ids, skipped: packed.skipped, dimension: packed.dimension,
                  rows: .owned(packed.lanes, lanesPerRow: packed.lanesPerRow), graph: nil, breadth: 0)
    }

    /// With `approximate`, also builds the HNSW graph that answers queries (whatever the size: callers
    /// decide by `ApproximateSearch.threshold`).
    public init(embeddings: [Int64: [Float]], approximate: ApproximateSearch?) {
        let exact = SimilarityIndex(embeddings: embeddings)
        self = approximate.map { exact.approximated(by: $0) } ?? exact
    }

    /// The exact index over the rows of one flat matrix (`dimension` floats per id, ids ascending) whose
    /// ids `keep` lets through, normalized straight into one allocation: a million 1280-d vectors
    /// (5 GB) are never held twice over as arrays.
    public init(ids matrixIds: [Int64], dimension: Int, values: UnsafeBufferPointer<Float>, keeping keep: (Int64) -> Bool) {
        precondition(values.count == matrixIds.count * dimension, "values must hold one row of `dimension` floats per id")
        let lanesPerRow = (dimension + 7) / 8
        let buffer = UnsafeMutablePointer<SIMD8<Float>>.allocate(capacity: max(matrixIds.count * lanesPerRow, 1))
        var ids: [Int64] = [], skipped: [Int64] = []
        for (row, id) in matrixIds.enumerated() where keep(id) {
            let target = UnsafeMutableRawPointer(buffer + ids.count * lanesPerRow).bindMemory(to: Float.self, capacity: lanesPerRow * 8)
            let vector = UnsafeBufferPointer(rebasing: values[(row * dimension)..<((row + 1) * dimension)])
            if Self.writeUnitVector(vector, to: UnsafeMutableBufferPointer(start: target, count: lanesPerRow * 8)) {
                ids.append(id)
            } else {
                skipped.append(id)
            }
        }
        self.init(ids: ids, skipped: skipped, dimension: dimension,
                  rows: .adopting(buffer, count: ids.count, lanesPerRow: lanesPerRow), graph: nil, breadth: 0)
    }

    /// These rows answered through an HNSW graph built over them.
    public func approximated(by search: ApproximateSearch) -> SimilarityIndex {
        SimilarityIndex(ids: ids, skipped: skipped, dimension: dimension, rows: rows,
                        graph: NeighborGraph.build(over: rows, search: search), breadth: search.breadth)
    }

    init(ids: [Int64], skipped: [Int64], dimension: Int, rows: VectorRows, graph: NeighborGraph?, breadth: Int) {
        self.ids = ids
        self.skipped = skipped
        self.dimension = dimension
        self.rows = rows
        self.graph = graph
        self.breadth = breadth
        rowOfId = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    }

    /// Unit vectors of the usable entries, packed, in the given order.
    static func pack(_ entries: [(key: Int64, value: [Float])], dimension: Int)
        -> (ids: [Int64], skipped: [Int64], lanes: [SIMD8<Float>], dimension: Int, lanesPerRow: Int) {
        let lanesPerRow = (dimension + 7) / 8
        var ids: [Int64] = [], skipped: [Int64] = [], lanes: [SIMD8<Float>] = []
        ids.reserveCapacity(entries.count)
        lanes.reserveCapacity(entries.count * lanesPerRow)
        for (id, vector) in entries {
            guard vector.count == dimension, let unit = packedUnitVector(vector, lanesPerRow: lanesPerRow) else {
                skipped.append(id)
                continue
            }
            ids.append(id)
            lanes += unit
        }
        return (ids, skipped, lanes, dimension, lanesPerRow)
    }

    public var count: Int { ids.count }

    /// Whether queries go through the HNSW graph rather than the exact scan.
    public var isApproximate: Bool { graph != nil }

    public func contains(_ trackId: Int64) -> Bool { rowOfId[trackId] != nil }

    /// The track's normalized embedding, nil when it is not in the index.
    public func unitVector(of trackId: Int64) -> [Float]? {
        guard let row = rowOfId[trackId] else { return nil }
        return Array(rows.floats(of: row).prefix(dimension))
    }

    /// Cosine similarity of two indexed tracks.
    public func cosine(_ a: Int64, _ b: Int64) -> Double? {
        guard let rowA = rowOfId[a], let rowB = rowOfId[b] else { return nil }
        return Double(dot(rows.buffer, row: rowA, rows.buffer, from: rowB * lanesPerRow))
    }

    /// The `count` most similar tracks, best first (ties by id), never the query itself;
    /// nil when the query track is not in the index.
    public func nearest(to trackId: Int64, count: Int) -> [Neighbor]? {
        guard let row = rowOfId[trackId] else { return nil }
        let query = Array(rows.buffer[(row * lanesPerRow)..<((row + 1) * lanesPerRow)])
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
        if let graph, let found = approximateNearest(graph, packed: query, count: count, excluding: excluded, accepting: accept) {
            return found
        }
        return exactNearest(packed: query, count: count, excluding: excluded, accepting: accept)
    }

    /// The ground truth: every row that passes is scored, a long index in one slice per core (`accept`
    /// is then called from several threads at once, so it must only read).
    func exactNearest(packed query: [SIMD8<Float>], count: Int, excluding excluded: Set<Int64>,
                      accepting accept: ((Int64) -> Bool)?) -> [Neighbor] {
        let slices = ids.count >= Self.rowsPerScanSlice * 2 ? ProcessInfo.processInfo.activeProcessorCount : 1
        var best = [TopK](repeating: TopK(capacity: count), count: slices)
        let rows = self.rows.buffer
        query.withUnsafeBufferPointer { query in
            best.withUnsafeMutableBufferPointer { best in
                DispatchQueue.concurrentPerform(iterations: slices) { slice in
                    for row in ids.count * slice / slices..<ids.count * (slice + 1) / slices {
                        let id = ids[row]
                        if let accept, !accept(id) { continue }
                        let score = dot(query, row: 0, rows, from: row * lanesPerRow)
                        if score >= best[slice].threshold, !excluded.contains(id) { best[slice].offer(score: score, id: id) }
                    }
                }
            }
        }
        return best.dropFirst().reduce(into: best[0]) { $0.merge($1) }.sorted()
    }

    /// Below twice this many rows a scan stays on one thread: waking another costs more than it saves.
    static let rowsPerScanSlice = 10_000

    /// Dot product of row `row` of `a` (a buffer of `lanesPerRow`-lane rows) with the row starting at lane `start` of `b`.
    @inline(__always)
    func dot(_ a: UnsafeBufferPointer<SIMD8<Float>>, row: Int, _ b: UnsafeBufferPointer<SIMD8<Float>>, from start: Int) -> Float {
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

    static func packedUnitVector(_ vector: [Float], lanesPerRow: Int) -> [SIMD8<Float>]? {
        var packed = [SIMD8<Float>](repeating: SIMD8(), count: lanesPerRow)
        let usable = vector.withUnsafeBufferPointer { vector in
            packed.withUnsafeMutableBytes { writeUnitVector(vector, to: $0.bindMemory(to: Float.self)) }
        }
        return usable ? packed : nil
    }

    /// Writes `vector` divided by its norm into the start of `target` and zeros the rest; false (and
    /// `target` untouched) for a zero or non-finite vector, which has no direction.
    static func writeUnitVector(_ vector: UnsafeBufferPointer<Float>, to target: UnsafeMutableBufferPointer<Float>) -> Bool {
        let norm = vector.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        guard norm > 0, norm.isFinite else { return false }
        for (index, value) in vector.enumerated() { target[index] = Float(Double(value) / norm) }
        for index in vector.count..<target.count { target[index] = 0 }
        return true
    }
}

extension SimilarityIndex {
    /// The same rows answered by the exact scan only: the ground truth the HNSW engine is measured against.
    public var exact: SimilarityIndex {
        SimilarityIndex(ids: ids, skipped: skipped, dimension: dimension, rows: rows, graph: nil, breadth: 0)
    }
}
