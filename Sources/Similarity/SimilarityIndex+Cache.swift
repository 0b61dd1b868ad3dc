import Foundation
import WholeFile

/// An index on disk, one directory: `manifest.json`, `ids` and `skipped` (Int64 each), `rows` (the
/// packed unit vectors, memory-mapped when loaded), and with a graph `graph` (hnswlib's own format)
/// and `axes` (the projection, float32). The manifest is written last and names how many rows are
/// valid, so a reader racing an append still sees a consistent prefix.
extension SimilarityIndex {
    struct Manifest: Codable, Equatable {
        var key: String
        var dimension: Int
        var count: Int
        var skipped: Int
        var breadth: Int
        var projectedDimension: Int?
        var hasGraph: Bool
    }

    /// Every track id the index has considered, including those left out for a zero vector.
    public var consideredIds: [Int64] { ids + skipped }

    /// Writes the whole index into `directory` (created or replaced), tagged with `key`.
    public func save(to directory: URL, key: String) throws {
        let files = FileManager.default
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        try? files.removeItem(at: directory.appendingPathComponent("manifest.json"))
        try Self.write(rows.buffer, to: directory.appendingPathComponent("rows"))
        try Self.write(ids, to: directory.appendingPathComponent("ids"))
        try Self.write(skipped, to: directory.appendingPathComponent("skipped"))
        try saveGraph(in: directory)
        try writeManifest(key: key, in: directory)
    }

    /// The index saved in `directory` with its key, rows memory-mapped; nil when absent or unreadable.
    public static func load(from directory: URL) -> (index: SimilarityIndex, key: String)? {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("manifest.json")),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
              let ids: [Int64] = read(directory.appendingPathComponent("ids"), count: manifest.count),
              let skipped: [Int64] = read(directory.appendingPathComponent("skipped"), count: manifest.skipped),
              let rows = VectorRows.mapped(path: directory.appendingPathComponent("rows").path, count: manifest.count,
                                           lanesPerRow: (manifest.dimension + 7) / 8) else { return nil }
        var graph: NeighborGraph?
        if manifest.hasGraph {
            var projection: Projection?
            if let components = manifest.projectedDimension {
                let dimension = rows.lanesPerRow * 8
                guard let axes: [Float] = read(directory.appendingPathComponent("axes"), count: components * dimension) else { return nil }
                projection = Projection(axes: axes, components: components, dimension: dimension)
            }
            graph = NeighborGraph.load(path: directory.appendingPathComponent("graph").path, projection: projection,
                                        rowDimension: rows.lanesPerRow * 8)
            guard graph != nil else { return nil }
        }
        let index = SimilarityIndex(ids: ids, skipped: skipped, dimension: manifest.dimension, rows: rows, graph: graph,
                                    breadth: manifest.breadth)
        return (index, manifest.key)
    }

    /// This index (as saved in `directory`) grown by `embeddings` of tracks it has not considered yet:
    /// rows appended to the files, the graph grown by HNSW insertions rather than rebuilt. Returns the
    /// grown index, memory-mapped, or nil (the cache is then unusable and should be rebuilt).
    public func adding(_ embeddings: [Int64: [Float]], savedIn directory: URL, key: String) throws -> SimilarityIndex? {
        let packed = Self.pack(embeddings.sorted { $0.key < $1.key }, dimension: dimension)
        try packed.lanes.withUnsafeBufferPointer {
            try Self.append($0, to: directory.appendingPathComponent("rows"), after: ids.count * lanesPerRow)
        }
        try packed.ids.withUnsafeBufferPointer { try Self.append($0, to: directory.appendingPathComponent("ids"), after: ids.count) }
        try Self.write(skipped + packed.skipped, to: directory.appendingPathComponent("skipped"))
        let allIds = ids + packed.ids
        guard let grownRows = VectorRows.mapped(path: directory.appendingPathComponent("rows").path, count: allIds.count,
                                                lanesPerRow: lanesPerRow) else { return nil }
        if let graph {
            guard graph.add(grownRows, from: ids.count) else { return nil }
        }
        let grown = SimilarityIndex(ids: allIds, skipped: skipped + packed.skipped, dimension: dimension, rows: grownRows,
                                    graph: graph, breadth: breadth)
        try grown.saveGraph(in: directory)
        try grown.writeManifest(key: key, in: directory)
        return grown
    }

    private func saveGraph(in directory: URL) throws {
        guard let graph else { return }
        // Written beside and renamed, so a reader never maps half a graph.
        let temporary = directory.appendingPathComponent("graph.\(ProcessInfo.processInfo.processIdentifier)")
        guard graph.save(to: temporary.path) else { throw CocoaError(.fileWriteUnknown) }
        if let projection = graph.projection {
            try Self.write(projection.axes, to: directory.appendingPathComponent("axes"))
        }
        guard rename(temporary.path, directory.appendingPathComponent("graph").path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    private func writeManifest(key: String, in directory: URL) throws {
        let manifest = Manifest(key: key, dimension: dimension, count: ids.count, skipped: skipped.count, breadth: breadth,
                                projectedDimension: graph?.projection?.components, hasGraph: graph != nil)
        try JSONEncoder().encode(manifest).write(to: directory.appendingPathComponent("manifest.json"), options: .atomic)
    }

    private static func write<T>(_ values: [T], to file: URL) throws {
        try values.withUnsafeBufferPointer { try write($0, to: file) }
    }

    private static func write<T>(_ values: UnsafeBufferPointer<T>, to file: URL) throws {
        try WholeFile.write(UnsafeRawBufferPointer(values), to: file)
    }

    /// Appends after the first `kept` values, dropping whatever an interrupted append left beyond them.
    private static func append<T>(_ values: UnsafeBufferPointer<T>, to file: URL, after kept: Int) throws {
        try WholeFile.append(UnsafeRawBufferPointer(values), to: file, after: kept * MemoryLayout<T>.stride)
    }

    private static func read<T>(_ file: URL, count: Int) -> [T]? {
        guard let data = try? Data(contentsOf: file), data.count >= count * MemoryLayout<T>.stride else { return nil }
        return data.withUnsafeBytes { Array($0.bindMemory(to: T.self).prefix(count)) }
    }
}
