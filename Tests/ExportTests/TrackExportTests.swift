import Export
import Foundation
import TestSupport
import TrackStore
import XCTest

/// Both export formats parsed back and compared with what the fixture stored.
final class TrackExportTests: TemporaryDirectoryTestCase {
    var fixture: CollectionFixture!
    var export: TrackExport!

    override func setUpWithError() throws {
        try super.setUpWithError()
        fixture = try CollectionFixture.make(in: directory, count: 12)
        export = try TrackExport(store: fixture.store)
    }

    func testCSVParsesBackToTheStoredDescriptors() throws {
        let text = export.text(.csv)
        var records = try CSV.parse(text)
        let header = records.removeFirst()
        XCTAssertTrue(text.hasSuffix("\r\n"), "RFC 4180 line ends")
        XCTAssertTrue(records.allSatisfy { $0.count == header.count })
        try checkRows(records.map { record in
            Dictionary(uniqueKeysWithValues: zip(header, record.map { $0.isEmpty ? nil : $0 }))
        })
    }

    func testJSONLinesParseBackToTheStoredDescriptors() throws {
        let text = export.text(.jsonl)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.last, "", "every line ends with a newline")
        // JSONDecoder rather than JSONSerialization: the latter rounds the last digit of some doubles on Linux.
        let objects = try lines.dropLast().map { try JSONDecoder().decode([String: JSONCell].self, from: Data($0.utf8)) }
        try checkRows(objects.map { $0.mapValues(\.text) })
    }

    /// Both formats read as text cells, nil where the format says "missing" (empty cell, JSON null).
    /// Rows are sorted by path, like the store's `descriptors()`.
    private func checkRows(_ rows: [[String: String?]]) throws {
        let failed = CollectionFixture.failures.map(\.path)
        XCTAssertEqual(rows.map { $0["path"]! }, (fixture.inputs.map(\.path) + failed).sorted())
        XCTAssertTrue(rows.allSatisfy { Set($0.keys) == Set(export.columns.map(\.name)) }, "every row has every column")
        for column in ["path", "duration_s", "codec", "bpm", "bpm_confidence", "tempocnn_bpm", "key_temperley",
                       "scale_krumhansl", "key_strength_edma", "loudness_lufs", "loudness_range_lu", "voice",
                       "instrumental", "danceability", "valence", "arousal", "style1", "style1_activation",
                       "style3", "style3_activation"] {
            XCTAssertTrue(export.columns.map(\.name).contains(column), column)
        }
        let byPath = Dictionary(uniqueKeysWithValues: rows.map { ($0["path"]!!, $0) })
        for input in fixture.inputs {
            let row = try XCTUnwrap(byPath[input.path])
            func text(_ column: String) -> String? { row[column]! }
            func number(_ column: String) -> Double? { text(column).flatMap(Double.init) }
            XCTAssertEqual(text("title"), input.title)
            XCTAssertEqual(number("duration_s"), input.duration)
            XCTAssertEqual(text("codec"), input.codec)
            XCTAssertEqual(text("sample_rate"), "44100", "integers stay integers")
            XCTAssertEqual(number("bpm"), input.bpm)
            XCTAssertEqual(number("bpm_confidence"), input.bpmConfidence)
            XCTAssertEqual(number("tempocnn_bpm"), input.tempoCNNBpm)
            XCTAssertEqual(text("key_krumhansl"), input.keys[.krumhansl]!.key)
            XCTAssertEqual(text("scale_edma"), input.keys[.edma]!.scale)
            XCTAssertEqual(number("key_strength_temperley"), input.keys[.temperley]!.strength)
            XCTAssertEqual(number("loudness_lufs"), input.lufs)
            XCTAssertEqual(text("loudness_lufs") == nil, input.lufs == nil)
            if let styles = input.styles {
                XCTAssertEqual(number("voice"), input.voice)
                XCTAssertEqual(number("instrumental"), 1 - input.voice)
                XCTAssertEqual(number("danceability"), input.danceability)
                let ranked = styles.indices.sorted { styles[$0] > styles[$1] }
                for rank in 0..<3 {
                    XCTAssertEqual(text("style\(rank + 1)"), CollectionFixture.styleLabels[ranked[rank]])
                    XCTAssertEqual(number("style\(rank + 1)_activation").map(Float.init), styles[ranked[rank]])
                }
            } else {
                XCTAssertNil(text("voice"))
                XCTAssertNil(text("style1"))
            }
            XCTAssertEqual(number("valence"), input.emotion?.valence)
            XCTAssertEqual(number("arousal"), input.emotion?.arousal)
        }
        for path in failed {
            XCTAssertEqual(byPath[path]!["state"], "failed")
            XCTAssertEqual(byPath[path]!["bpm"], .some(nil))
        }
    }
}

/// A JSON Lines value as text: integers as written, other numbers in Swift's shortest exact form, null as nil.
enum JSONCell: Decodable {
    case text(String)
    case integer(Int)
    case number(Double)
    case null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let integer = try? container.decode(Int.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    var text: String? {
        switch self {
        case .text(let text): return text
        case .integer(let integer): return "\(integer)"
        case .number(let number): return "\(number)"
        case .null: return nil
        }
    }
}
