import Foundation
import TestSupport
import XCTest

/// Loads an export with pandas or numpy in `.venv-test`, as a notebook would (no options), and hands
/// back every cell as text: floats as Python's `repr` (shortest exact), so nothing is lost on the way.
enum NotebookReader {
    enum Cell: Decodable, Equatable {
        case text(String)
        case list([String])
        case null

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let list = try? container.decode([String].self) {
                self = .list(list)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        var text: String? {
            if case .text(let text) = self { return text }
            return nil
        }

        var number: Double? { text.flatMap(Double.init) }
    }

    struct Table: Decodable {
        var columns: [String]
        var dtypes: [String: String]
        var rows: [[String: Cell]]
    }

    struct Matrix: Decodable {
        var dtype: String
        var shape: [Int]
        var cOrder: Bool
        var rows: [[String]]
    }

    struct MissingVenv: Error, CustomStringConvertible {
        var description: String { "\(NotebookReader.python.path) is missing: run scripts/setup (it installs Tests/requirements.txt)" }
    }

    static let python = Fixtures.repoRoot.appendingPathComponent(".venv-test/bin/python")

    private static let script = """
        import json, math, sys
        import numpy as np, pandas as pd

        def cell(value):
            if isinstance(value, (list, np.ndarray)):
                return [repr(float(v)) for v in value]
            if value is None or (isinstance(value, float) and math.isnan(value)):
                return None
            if isinstance(value, (float, np.floating)):
                return repr(float(value))
            return str(value)

        kind, path = sys.argv[1], sys.argv[2]
        if kind == "npy":
            array = np.load(path)
            json.dump({"dtype": str(array.dtype), "shape": list(array.shape), "cOrder": bool(array.flags.c_contiguous),
                       "rows": [[repr(float(v)) for v in row] for row in array]}, sys.stdout)
        else:
            frame = {"parquet": pd.read_parquet, "csv": pd.read_csv,
                     "jsonl": lambda p: pd.read_json(p, lines=True)}[kind](path)
            frame = frame.astype(object).where(frame.notna(), None)
            json.dump({"columns": [str(c) for c in frame.columns],
                       "dtypes": {str(c): str(t) for c, t in pd.read_parquet(path).dtypes.items()} if kind == "parquet" else {},
                       "rows": [{str(c): cell(v) for c, v in row.items()} for row in frame.to_dict("records")]}, sys.stdout)
        """

    static func table(_ kind: String, _ file: URL) throws -> Table {
        try JSONDecoder().decode(Table.self, from: run(kind, file))
    }

    static func matrix(_ file: URL) throws -> Matrix {
        try JSONDecoder().decode(Matrix.self, from: run("npy", file))
    }

    private static func run(_ kind: String, _ file: URL) throws -> Data {
        guard FileManager.default.isExecutableFile(atPath: python.path) else { throw MissingVenv() }
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, kind, file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "pandas/numpy could not load \(file.lastPathComponent): \(stderr)")
        return data
    }
}
