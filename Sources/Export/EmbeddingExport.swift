import Foundation
import TrackStore
import WholeFile

/// One embedding kind for every track that has it: `<kind>.npy` (float32, one row per track) and
/// `tracks.csv` (row order: id, path), for numpy, scikit-learn or any notebook.
public enum EmbeddingExport {
    public struct Written: Sendable {
        public var matrix: URL
        public var tracks: URL
        public var rows: Int
        public var dimensions: Int
    }

    /// Tracks in the export's order (by path), analyzed or failed, that have this embedding.
    public static func write(_ kind: EmbeddingKind, from store: TrackStore, to directory: URL) throws -> Written {
        let embeddings = try store.embeddings(kind)
        let tracks = try TrackExport.tracks(of: store).map(\.track).filter { $0.id.map { embeddings[$0] != nil } ?? false }
        let rows = tracks.map { embeddings[$0.id!]! }
        let dimensions = rows.first?.count ?? 0
        if let odd = zip(tracks, rows).first(where: { $0.1.count != dimensions }) {
            throw ExportError("\(kind.rawValue) embeddings differ in length (\(odd.1.count) for \(odd.0.path), \(dimensions) "
                              + "for the first track): re-analyze with one model")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let matrix = directory.appendingPathComponent("\(kind.rawValue).npy")
        try NumpyFile.data(rows: rows, columns: dimensions).withUnsafeBytes { try WholeFile.write($0, to: matrix) }
        let list = directory.appendingPathComponent("tracks.csv")
        let lines = [TrackExport.csvLine([.text("id"), .text("path")])]
            + tracks.map { TrackExport.csvLine([.integer(Int($0.id!)), .text($0.path)]) }
        try lines.joined().write(to: list, atomically: true, encoding: .utf8)
        return Written(matrix: matrix, tracks: list, rows: rows.count, dimensions: dimensions)
    }
}
