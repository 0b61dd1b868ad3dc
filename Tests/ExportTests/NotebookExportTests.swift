import Foundation
import TestSupport
import TrackStore
import XCTest

/// `tonearm export` run as a user would, each file loaded by pandas or numpy without options, and
/// every value compared with what the test stored.
final class NotebookExportTests: TemporaryDirectoryTestCase {
    struct Input {
        var path: String
        var bpm: Double
        var lufs: Double?
        var styles: [Float]?
        var voice: Double
        var effnet: [Float]?
        var musicnn: [Float]?
        var valence: Double
    }

    static let styleLabels = (0..<400).map { ["Electronic", "Rock", "Folk, World, & Country"][$0 % 3] + "---Style \($0)" }

    var db: String!
    var inputs: [Input] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        db = directory.appendingPathComponent("store.sqlite").path
        let builder = try StoreBuilder(path: db)
        try builder.store.saveStyleLabels(Self.styleLabels)
        // Seeded: the text formats' tolerance is pandas' parsing error, which a run must not draw anew.
        var random = SeededRandom(seed: 16)
        func vector(_ count: Int, _ range: ClosedRange<Float>) -> [Float] {
            (0..<count).map { _ in Float.random(in: range, using: &random) }
        }
        inputs = (0..<6).map { index in
            Input(path: "/music/Artist \(index)/Album, \"\(index)\"/Ünïcode \(index).flac",
                  bpm: Double.random(in: 60...180, using: &random), lufs: index == 4 ? nil : Double.random(in: -30 ... -5, using: &random),
                  styles: index == 2 ? nil : vector(400, 0.0001...0.9), voice: Double.random(in: 0...1, using: &random),
                  effnet: index == 2 ? nil : vector(1280, -1...1), musicnn: index == 3 ? nil : vector(200, -5...5),
                  valence: Double.random(in: 1...9, using: &random))
        }
        for input in inputs {
            try builder.addTrack(path: input.path, bpm: input.bpm, loudness: input.lufs, styles: input.styles, voice: input.voice,
                                 effnetEmbedding: input.effnet, musicnnEmbedding: input.musicnn, valence: input.valence)
        }
        try builder.addFailedTrack(path: "/music/bad/empty.mp3", stage: "decode", message: "file is empty")
    }

    private func export(_ arguments: [String]) throws {
        let result = try TonearmCLI.run(["export", "--db", db] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testParquetReadsBackExactlyWithTypedColumns() throws {
        let file = directory.appendingPathComponent("tracks.parquet")
        try export(["--format", "parquet", "--styles", "all", "-o", file.path])
        let table = try NotebookReader.table("parquet", file)
        XCTAssertEqual(table.dtypes["bpm"], "float64")
        XCTAssertEqual(table.dtypes["Rock---Style 1"], "float32", "activations stay float32")
        XCTAssertEqual(table.dtypes["id"], "int64")
        try check(table, exact: true, styleColumns: true)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent(".tracks.parquet").path))
    }

    func testCSVWithAllStylesReadsBack() throws {
        let file = directory.appendingPathComponent("tracks.csv")
        try export(["--format", "csv", "--styles", "all", "-o", file.path])
        try check(try NotebookReader.table("csv", file), exact: false, styleColumns: true)
    }

    func testJSONLinesCarryAllStylesAsOneArray() throws {
        let file = directory.appendingPathComponent("tracks.jsonl")
        try export(["--format", "jsonl", "--styles", "all", "-o", file.path])
        let table = try NotebookReader.table("jsonl", file)
        XCTAssertFalse(table.columns.contains("Rock---Style 1"))
        try check(table, exact: false, styleColumns: false)
        for input in inputs {
            let row = try XCTUnwrap(table.rows.first { $0["path"]?.text == input.path })
            guard let styles = input.styles else {
                XCTAssertEqual(row["styles"], .null)
                continue
            }
            guard case .list(let values) = row["styles"] else { return XCTFail("no styles array for \(input.path)") }
            XCTAssertEqual(values.map { Float(Double($0)!) }, styles, "in model order")
        }
    }

    func testTopStylesByDefault() throws {
        let file = directory.appendingPathComponent("top.parquet")
        try export(["--format", "parquet", "-o", file.path])
        let table = try NotebookReader.table("parquet", file)
        XCTAssertFalse(table.columns.contains("Rock---Style 1"))
        for input in inputs {
            let row = try XCTUnwrap(table.rows.first { $0["path"]?.text == input.path })
            guard let styles = input.styles else {
                XCTAssertEqual(row["style1"], .null)
                continue
            }
            let strongest = styles.indices.max { styles[$0] < styles[$1] }!
            XCTAssertEqual(row["style1"]?.text, Self.styleLabels[strongest])
            XCTAssertEqual(row["style1_activation"]?.number.map(Float.init), styles[strongest])
        }
    }

    func testEmbeddingsLoadWithNumpyInTrackOrder() throws {
        for (kind, dimensions) in [("effnet", 1280), ("musicnn", 200)] {
            let folder = directory.appendingPathComponent("embeddings-\(kind)")
            try export(["--embeddings", kind, "-o", folder.path])
            let matrix = try NotebookReader.matrix(folder.appendingPathComponent("\(kind).npy"))
            let expected: [(path: String, vector: [Float])] = inputs.compactMap { input in
                (kind == "effnet" ? input.effnet : input.musicnn).map { (input.path, $0) }
            }
            XCTAssertEqual(matrix.dtype, "float32")
            XCTAssertTrue(matrix.cOrder)
            XCTAssertEqual(matrix.shape, [inputs.count - 1, dimensions], "one row per track with a \(kind) embedding")
            let order = try NotebookReader.table("csv", folder.appendingPathComponent("tracks.csv"))
            XCTAssertEqual(order.columns, ["id", "path"])
            XCTAssertEqual(order.rows.map { $0["path"]?.text }, expected.map(\.path).sorted().map(Optional.some))
            for (row, path) in zip(matrix.rows, order.rows.map { $0["path"]!.text! }) {
                let stored = try XCTUnwrap(expected.first { $0.path == path }?.vector)
                XCTAssertEqual(row.map { Float(Double($0)!) }, stored, path)
            }
            let store = try TrackStore(path: db)
            for row in order.rows {
                XCTAssertEqual(try store.track(id: Int64(row["id"]!.text!)!)?.path, row["path"]?.text, "ids match the store")
            }
        }
    }

    func testParquetNeedsAFileAndEmbeddingsAFolder() throws {
        let parquet = try TonearmCLI.run(["export", "--db", db, "--format", "parquet"])
        XCTAssertNotEqual(parquet.status, 0)
        XCTAssertTrue(parquet.stderr.contains("Parquet is binary: give a file with -o"), parquet.stderr)
        let embeddings = try TonearmCLI.run(["export", "--db", db, "--embeddings", "musicnn"])
        XCTAssertNotEqual(embeddings.status, 0)
        XCTAssertTrue(embeddings.stderr.contains("--embeddings needs -o DIR"), embeddings.stderr)
    }

    func testAFailedParquetWriteKeepsTheEarlierFile() throws {
        let file = directory.appendingPathComponent("tracks.parquet")
        try Data("earlier export".utf8).write(to: file)
        let failed = try TonearmCLI.run(["export", "--db", db, "--format", "parquet", "-o", file.path, "--python", "/bin/false"])
        XCTAssertNotEqual(failed.status, 0)
        XCTAssertTrue(failed.stderr.contains("the Parquet writer failed: exit status 1"), failed.stderr)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "earlier export")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".partial") }, [])

        let nowhere = directory.appendingPathComponent("no-such-folder/tracks.parquet")
        let missing = try TonearmCLI.run(["export", "--db", db, "--format", "parquet", "-o", nowhere.path])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("the Parquet writer failed: FileNotFoundError"), missing.stderr)
    }

    /// Every input's values in the loaded table; text formats may differ from the stored double in
    /// the last digit or two (pandas.read_json parses 15 significant digits unless told
    /// `precise_float=True`), Parquet must not differ at all.
    private func check(_ table: NotebookReader.Table, exact: Bool, styleColumns: Bool) throws {
        XCTAssertEqual(table.rows.map { $0["path"]?.text }, (inputs.map(\.path) + ["/music/bad/empty.mp3"]).sorted().map(Optional.some))
        func same(_ loaded: Double?, _ stored: Double?, _ what: String) {
            guard let stored else { return XCTAssertNil(loaded, what) }
            guard let loaded else { return XCTFail("\(what) missing") }
            if exact { XCTAssertEqual(loaded, stored, what) } else { XCTAssertEqual(loaded, stored, accuracy: abs(stored) * 1e-13, what) }
        }
        for input in inputs {
            let row = try XCTUnwrap(table.rows.first { $0["path"]?.text == input.path })
            same(row["bpm"]?.number, input.bpm, "bpm")
            same(row["loudness_lufs"]?.number, input.lufs, "loudness")
            same(row["valence"]?.number, input.musicnn == nil ? nil : input.valence, "valence")
            same(row["voice"]?.number, input.styles == nil ? nil : input.voice, "voice")
            XCTAssertEqual(row["key_temperley"]?.text, "C")
            guard styleColumns else { continue }
            for (index, label) in Self.styleLabels.enumerated() {
                XCTAssertEqual(row[label]?.number.map(Float.init), input.styles?[index], "\(label) of \(input.path)")
            }
        }
        let failed = try XCTUnwrap(table.rows.first { $0["path"]?.text == "/music/bad/empty.mp3" })
        XCTAssertEqual(failed["state"]?.text, "failed")
        XCTAssertEqual(failed["bpm"], .null)
    }
}
