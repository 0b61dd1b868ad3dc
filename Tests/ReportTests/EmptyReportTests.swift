import Foundation
import Report
import TestSupport
import TrackStore
import XCTest

/// Stores with nothing to chart still get a page that says why, never a crash.
final class EmptyReportTests: TemporaryDirectoryTestCase {
    func testEmptyStoreSaysToAnalyzeFirst() throws {
        let store = try TrackStore(path: directory.appendingPathComponent("empty.sqlite").path)
        let written = try ReportWriter.write(store: store, to: directory.appendingPathComponent("report"))
        let page = try PageReader(written.page)
        XCTAssertEqual(page.sectionIDs, [])
        XCTAssertEqual(page.firstMatch("id=\"empty-report\">([^<]*)<"),
                       "The store has no analyzed tracks: run `tonearm analyze &lt;music folder&gt;` first.")
        XCTAssertEqual(page.figure("analyzed"), "0")
        let tsv = try String(contentsOf: directory.appendingPathComponent("report/styles.tsv"), encoding: .utf8)
        XCTAssertEqual(tsv.split(separator: "\n").count, 1, "a header and no styles")
    }

    func testStoreWithOnlyFailuresListsTheReasons() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("failed.sqlite").path)
        try builder.addFailedTrack(path: "/music/a.mp3", stage: "decode", message: "not an audio file")
        try builder.addFailedTrack(path: "/music/b.mp3", stage: "decode", message: "not an audio file")
        try builder.addFailedTrack(path: "/music/c.wav", stage: "worker", message: "timeout after 300 s")
        let written = try ReportWriter.write(store: builder.store, to: directory.appendingPathComponent("report"))
        let page = try PageReader(written.page)
        XCTAssertEqual(page.sectionIDs, [])
        XCTAssertEqual(page.firstMatch("id=\"empty-report\">([^<]*)<"),
                       "No track could be analyzed: all 3 attempts failed. The reasons are listed above.")
        XCTAssertEqual(page.figure("failed"), "3")
        let reasons = try XCTUnwrap(page.firstMatch("<table id=\"failure-reasons\">(.*?)</table>"))
        XCTAssertTrue(reasons.contains("<td>2</td><td>decode</td><td>not an audio file</td>"), reasons)
        XCTAssertTrue(reasons.contains("<td>1</td><td>worker</td><td>timeout after 300 s</td>"), reasons)
    }

    func testAStoreWithoutSomeGroupsSaysWhichAreMissing() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("signal-only.sqlite").path)
        try builder.addTrack(path: "/music/a.mp3")
        let written = try ReportWriter.write(store: builder.store, to: directory.appendingPathComponent("report"))
        let page = try PageReader(written.page)
        XCTAssertEqual(page.sectionIDs, ["observations", "styles", "rhythm", "keys", "loudness", "emotion", "voice"])
        XCTAssertTrue(page.html.contains("No track has Discogs-EffNet style activations yet."))
        XCTAssertTrue(page.html.contains("No track has arousal and valence estimates yet."))
        XCTAssertEqual(page.figure("key-tracks"), "1")
    }

    func testMissingChartLibraryNamesTheSetupScript() throws {
        let store = try TrackStore(path: directory.appendingPathComponent("empty.sqlite").path)
        XCTAssertThrowsError(try ReportWriter.write(store: store, to: directory.appendingPathComponent("report"),
                                                   chartLibraryPath: "/nonexistent/chart.min.js")) { error in
            XCTAssertEqual("\(error)", "Chart.js not found at /nonexistent/chart.min.js: run scripts/setup (it installs Debian's libjs-chart.js)")
        }
    }
}
