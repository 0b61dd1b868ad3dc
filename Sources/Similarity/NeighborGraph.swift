import CHNSW
import Foundation

/// An hnswlib graph over the rows of a `VectorRows` (or over their projection on principal axes),
/// labelled by row number. Answers candidate rows only; scores come from the exact rows.
final class NeighborGraph: @unchecked Sendable {
    private let handle: OpaquePointer
    let projection: Projection?
    /// Floats per vector in the graph.
    let dimension: Int

    private init(handle: OpaquePointer, projection: Projection?, dimension: Int) {
        self.handle = handle
        self.projection = projection
        self.dimension = dimension
    }

    deinit { chnsw_free(handle) }

    static func build(over rows: VectorRows, search: ApproximateSearch) -> NeighborGraph? {
        let projection = search.projectedDimension.flatMap { Projection.principal(of: rows, components: $0) }
        let dimension = projection?.components ?? rows.lanesPerRow * 8
        guard let handle = chnsw_create(dimension, search.links, search.constructionBreadth, 100) else { return nil }
        let graph = NeighborGraph(handle: handle, projection: projection, dimension: dimension)
        return graph.add(rows, from: 0) ? graph : nil
    }

    static func load(path: String, projection: Projection?, rowDimension: Int) -> NeighborGraph? {
        let dimension = projection?.components ?? rowDimension
        return chnsw_load(path, dimension).map { NeighborGraph(handle: $0, projection: projection, dimension: dimension) }
    }

    func save(to path: String) -> Bool { chnsw_save(handle, path) == 0 }

    var count: Int { chnsw_count(handle) }

    /// Adds rows `first`..<rows.count (rows before `first` are already in the graph).
    func add(_ rows: VectorRows, from first: Int) -> Bool {
        let added = rows.count - first
        guard added > 0 else { return true }
        let threads = ProcessInfo.processInfo.activeProcessorCount
        if let projection {
            let projected = projection.apply(rows.floats(of: first).baseAddress!, count: added)
            return projected.withUnsafeBufferPointer { chnsw_add(handle, $0.baseAddress, first, added, threads) == 0 }
        }
        return chnsw_add(handle, rows.floats(of: first).baseAddress, first, added, threads) == 0
    }

    /// Up to `breadth` candidate rows for a unit query, roughly best first.
    func candidates(for query: UnsafeBufferPointer<Float>, breadth: Int) -> [Int] {
        let vector = projection.map { $0.apply(query.baseAddress!, count: 1) } ?? Array(query)
        var labels = [Int](repeating: 0, count: breadth), dots = [Float](repeating: 0, count: breadth)
        let found = chnsw_search(handle, vector, breadth, breadth, &labels, &dots)
        return Array(labels.prefix(found))
    }
}
