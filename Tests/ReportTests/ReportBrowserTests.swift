import Foundation
import Report
import TestSupport
import TrackStore
import XCTest

/// The written page in a real browser: it runs without console errors and every chart draws its data.
final class ReportBrowserTests: TemporaryDirectoryTestCase {
    func testEveryChartRendersWithoutConsoleErrors() throws {
        let fixture = try CollectionFixture.make(in: directory)
        let written = try ReportWriter.write(store: fixture.store, to: directory.appendingPathComponent("report"))
        let chartIDs = try PageReader(written.page).charts().keys.sorted()
        XCTAssertEqual(chartIDs, ["chart-danceability", "chart-emotion", "chart-genres", "chart-keys", "chart-loudness",
                                  "chart-loudness-range", "chart-styles", "chart-tempo", "chart-voice"])

        let chromium = try HeadlessChromium(profile: directory.appendingPathComponent("chromium"))
        let run = try chromium.dumpDOM(written.page)
        XCTAssertEqual(run.consoleLines, [], "the page logs nothing")
        let dom = PageReader(html: run.stdout)
        XCTAssertNil(dom.firstMatch("data-console-errors=\"([^\"]*)\""), "no script error or console error")
        XCTAssertEqual(dom.firstMatch("<html[^>]* data-charts-drawn=\"(\\d+)\""), "\(chartIDs.count)")

        let canvases = Dictionary(uniqueKeysWithValues: PageReader.matches("(<canvas [^>]*>)", in: run.stdout).map {
            (PageReader.matches("id=\"([^\"]+)\"", in: $0)[0], $0)
        })
        XCTAssertEqual(canvases.keys.sorted(), chartIDs)
        for (id, canvas) in canvases {
            XCTAssertTrue(canvas.contains("data-rendered=\"true\""), "\(id) rendered")
            let ink = Int(PageReader.matches("data-ink=\"(\\d+)\"", in: canvas).first ?? "") ?? 0
            XCTAssertGreaterThan(ink, 500, "\(id) painted its data")
        }
        let points = fixture.inputs.compactMap(\.emotion).count
        XCTAssertTrue(canvases["chart-emotion"]!.contains("data-elements=\"\(points)\""), "one point per track")
        XCTAssertTrue(canvases["chart-keys"]!.contains("data-elements=\"72\""), "24 classes × 3 profiles")

        let screenshot = directory.appendingPathComponent("report.png")
        let shot = try chromium.screenshot(written.page, to: screenshot, width: 1200, height: 9000)
        XCTAssertEqual(shot.consoleLines, [])
        let png = try Data(contentsOf: screenshot)
        XCTAssertEqual(png.prefix(8), Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "a PNG")
        XCTAssertEqual(png[16..<20].reduce(0) { $0 << 8 | Int($1) }, 1200, "as wide as the window")
        XCTAssertGreaterThan(png.count, 100_000, "a page of charts, not a blank image")
    }

    func testEmptyReportOpensCleanly() throws {
        let store = try TrackStore(path: directory.appendingPathComponent("empty.sqlite").path)
        let written = try ReportWriter.write(store: store, to: directory.appendingPathComponent("report"))
        let run = try HeadlessChromium(profile: directory.appendingPathComponent("chromium")).dumpDOM(written.page)
        XCTAssertEqual(run.consoleLines, [])
        XCTAssertTrue(run.stdout.contains("data-charts-drawn=\"0\""))
        XCTAssertTrue(run.stdout.contains("id=\"empty-report\""))
    }
}
