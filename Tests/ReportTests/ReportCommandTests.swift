import Foundation
import TestSupport
import XCTest

/// `tonearm report` and `tonearm export` as a user runs them: the built executable, its resource
/// bundle and its messages.
final class ReportCommandTests: TemporaryDirectoryTestCase {
    func testReportWritesThePageAndTheStylesTable() throws {
        let fixture = try CollectionFixture.make(in: directory, count: 6)
        let folder = directory.appendingPathComponent("out")
        let result = try TonearmCLI.run(["report", "--db", fixture.path, "-o", folder.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.contains("6 tracks analyzed, 2 failed"), result.stdout)
        let page = try PageReader(folder.appendingPathComponent("index.html"))
        XCTAssertEqual(page.sectionIDs.count, 7, "the observations and six questions")
        let tsv = try String(contentsOf: folder.appendingPathComponent("styles.tsv"), encoding: .utf8)
        XCTAssertEqual(tsv.split(separator: "\n").count, 401)
        let tracks = try CSV.parse(String(contentsOf: folder.appendingPathComponent("tracks.csv"), encoding: .utf8))
        XCTAssertEqual(tracks.count, 9, "a header, 6 analyzed and 2 failed tracks")
    }

    func testReportOnAnEmptyStoreExplainsInsteadOfFailing() throws {
        let path = directory.appendingPathComponent("empty.sqlite").path
        _ = try StoreBuilder(path: path)
        let result = try TonearmCLI.run(["report", "--db", path, "-o", directory.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "report: The store has no analyzed tracks: run `tonearm analyze <music folder>` first.\n")
    }

    func testExportWritesOneRowPerTrack() throws {
        let fixture = try CollectionFixture.make(in: directory, count: 6)
        let jsonl = try TonearmCLI.run(["export", "--db", fixture.path, "--format", "jsonl"])
        XCTAssertEqual(jsonl.status, 0, jsonl.stderr)
        XCTAssertEqual(jsonl.stdout.split(separator: "\n").count, 8, "6 analyzed and 2 failed tracks")

        let file = directory.appendingPathComponent("tracks.csv")
        let csv = try TonearmCLI.run(["export", "--db", fixture.path, "-o", file.path])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertEqual(csv.stderr, "wrote 8 tracks to \(file.path)\n")
        XCTAssertEqual(try CSV.parse(String(contentsOf: file, encoding: .utf8)).count, 9, "a header and 8 rows")
    }
}
