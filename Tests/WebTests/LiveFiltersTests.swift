import Foundation
import TestSupport
import TrackStore
import XCTest

/// The playlists page's live filters in headless Chromium: sliders, the emotion map and the style
/// picker update the results through `/api/playlist` without a reload, with the same tracks as
/// `tonearm playlist`, and the URL and the Back button follow.
final class LiveFiltersTests: LiveAppTestCase {
    func testDraggingTheBPMSliderMatchesTheCLIAndBackRestoresTheWholePlaylist() async throws {
        try await withPlaylistsPage { browser in
            let (everything, source) = (try await self.shownCount(browser), try await browser.text("#bpm-source"))
            XCTAssertEqual(everything, 12)
            XCTAssertTrue(source.hasPrefix("The BPM filter reads "), source)

            try await browser.drag(".range-slider[data-filter=bpm] .noUi-handle-lower", by: (x: 80, y: 0))
            try await self.settled(browser)
            let bpm = try await self.parameter("bpm", browser)
            XCTAssertNotNil(bpm, "the URL names the dragged range")
            let (count, rows) = (try await self.shownCount(browser), try await browser.findAll("#results tbody tr"))
            XCTAssertEqual(count, try self.cliCount(["--bpm", bpm ?? ""]))
            XCTAssertTrue((1..<12).contains(count), "the drag left out some tracks, not all: \(count)")
            XCTAssertEqual(rows.count, count)
            let typed = try await self.value("input[name=bpm]", browser)
            XCTAssertEqual(typed, bpm, "the text field follows the slider")

            try await browser.back()
            try await browser.waitUntil("location.search === ''")
            try await self.settled(browser)
            let (restored, restoredRows) = (try await self.shownCount(browser), try await browser.findAll("#results tbody tr"))
            XCTAssertEqual(restored, 12)
            XCTAssertEqual(restoredRows.count, 12)
            let (field, lowest) = (try await self.value("input[name=bpm]", browser), try await self.handles("bpm", browser).first)
            XCTAssertEqual(field, "")
            XCTAssertEqual(lowest, 90, "the handle went back to the collection's slowest track")
        }
    }

    func testTypingAnExactBPMRangeMovesTheSliderAndABadOneShowsTheServersMessage() async throws {
        try await withPlaylistsPage { browser in
            try await browser.type("100-130", into: "input[name=bpm]")
            try await browser.waitUntil("new URLSearchParams(location.search).get('bpm') === '100-130'")
            try await self.settled(browser)
            let (count, handles) = (try await self.shownCount(browser), try await self.handles("bpm", browser))
            XCTAssertEqual(count, try self.cliCount(["--bpm", "100-130"]))
            XCTAssertEqual(handles, [100, 130])

            try await browser.type("fast", into: "input[name=bpm]")
            try await self.settled(browser)
            try await browser.waitUntil("!document.getElementById('filter-error').hidden")
            let message = try await browser.text("#filter-error")
            XCTAssertEqual(message, "bpm: expected a range like 120-128, 0.6- or -0.3, got 'fast'")
            let invalid = try await browser.evaluate("document.querySelector('input[name=bpm]').getAttribute('aria-invalid')")
            XCTAssertEqual(invalid as? String, "true")
        }
    }

    func testBrushingTheEmotionMapSetsArousalAndValence() async throws {
        try await withPlaylistsPage { browser in
            // From a quarter of the way in to three quarters: about 3 to 7 on both 1–9 scales.
            try await browser.drag("#av-canvas", from: (x: -60, y: -60), by: (x: 120, y: 120))
            try await self.settled(browser)
            let arousal = try await self.parameter("arousal", browser) ?? ""
            let valence = try await self.parameter("valence", browser) ?? ""
            for range in [arousal, valence] {
                let bounds = range.split(separator: "-").compactMap { Double($0) }
                XCTAssertEqual(bounds.count, 2, range)
                XCTAssertEqual(bounds.first ?? 0, 3, accuracy: 0.2, range)
                XCTAssertEqual(bounds.last ?? 0, 7, accuracy: 0.2, range)
            }
            let (count, arousalHandles) = (try await self.shownCount(browser), try await self.handles("arousal", browser))
            XCTAssertEqual(count, try self.cliCount(["--arousal", arousal, "--valence", valence]))
            XCTAssertEqual(arousalHandles, arousal.split(separator: "-").compactMap { Double($0) }, "the sliders follow the brush")
        }
    }

    func testChoosingAStyleFiltersAndRemovingItsChipUnfilters() async throws {
        let house = "Electronic---House"
        try await withPlaylistsPage { browser in
            let label = try await browser.evaluate(
                "document.querySelector(\"input[name=style][value='\(house)']\").parentElement.dataset.count")
            XCTAssertEqual(label as? String, "2", "each style shows how many tracks carry it")

            try await browser.type("house", into: "#style-search")
            try await browser.click("input[name=style][value='\(house)']")
            try await self.settled(browser)
            let (chosen, count) = (try await self.parameter("style", browser), try await self.shownCount(browser))
            XCTAssertEqual(chosen, house)
            XCTAssertEqual(count, 2)
            XCTAssertEqual(count, try self.cliCount(["--style", house]))

            try await browser.click("#style-chips button[aria-label='Remove \(house)']")
            try await self.settled(browser)
            let (none, everything) = (try await self.parameter("style", browser), try await self.shownCount(browser))
            let (chips, box) = (try await browser.findAll("#style-chips li"),
                                try await browser.evaluate("document.querySelector(\"input[name=style][value='\(house)']\").checked"))
            XCTAssertNil(none)
            XCTAssertEqual(everything, 12)
            XCTAssertEqual(chips.count, 0)
            XCTAssertEqual(box as? Bool, false)

            // A parent genre's quick pick chooses all of its styles, shown as one chip.
            try await browser.click("#parent-picks button[data-parent=Electronic]")
            try await self.settled(browser)
            let styles = try await browser.evaluate("new URLSearchParams(location.search).getAll('style')") as? [String] ?? []
            let (electronic, chip) = (try await self.shownCount(browser), try await browser.text("#style-chips"))
            XCTAssertEqual(Set(styles), ["Electronic---House", "Electronic---Techno", "Electronic---Drum n Bass"])
            XCTAssertEqual(electronic, 4)
            XCTAssertEqual(electronic, try self.cliCount(styles.flatMap { ["--style", $0] }))
            XCTAssertEqual(chip, "Electronic (all styles) ×")
        }
    }

    func testScrollingFillsInTheRestOfALongPlaylist() async throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("long.sqlite").path)
        try builder.saveStyleLabels()
        for index in 0..<250 {
            try builder.addTrack(path: "/music/track \(index).mp3", bpm: 60 + Double(index),
                                 styles: StyleFixture.activations(["Rock---Punk": 0.5]), musicnnEmbedding: [1, 0, 0])
        }
        let store = builder.store
        let expected = try cliCount(["--bpm", "100-"], store: store)
        XCTAssertEqual(expected, 210)
        try await withPlaylistsPage(store: store) { browser in
            try await browser.type("100-", into: "input[name=bpm]")
            try await browser.waitUntil("new URLSearchParams(location.search).get('bpm') === '100-'")
            try await self.settled(browser)
            let (count, firstPage) = (try await self.shownCount(browser), try await browser.findAll("#results tbody tr"))
            XCTAssertEqual(count, expected)
            XCTAssertEqual(firstPage.count, 100, "one page at first")
            for loaded in [200, expected] {
                _ = try await browser.evaluate("document.getElementById('more-rows').scrollIntoView() ?? 0")
                try await browser.waitUntil("document.querySelectorAll('#results tbody tr').length >= \(loaded)")
            }
            let ids = try await browser.evaluate("[...document.querySelectorAll('#results tbody tr')].map(row => row.dataset.trackId)")
            XCTAssertEqual((ids as? [String])?.count, expected)
            XCTAssertEqual(Set(ids as? [String] ?? []).count, expected, "every match once, none twice")
        }
    }

    /// Chromium on the playlists page once its first data is drawn.
    private func withPlaylistsPage(store: TrackStore? = nil, _ test: @Sendable (WebDriver) async throws -> Void) async throws {
        let downloads = directory.appendingPathComponent("downloads")
        try await withServer(store: store) { client in
            let browser = try await WebDriver(downloads: downloads)
            do {
                try await browser.go("http://127.0.0.1:\(client.port!)/")
                try await browser.waitUntil("document.body.dataset.ready === '1'")
                try await test(browser)
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }

    /// After a change: its answer is drawn, and the URL follows it.
    private func settled(_ browser: WebDriver) async throws {
        try await browser.waitUntil("!document.body.dataset.busy")
    }

    private func parameter(_ name: String, _ browser: WebDriver) async throws -> String? {
        try await browser.evaluate("new URLSearchParams(location.search).get('\(name)')") as? String
    }

    private func value(_ css: String, _ browser: WebDriver) async throws -> String? {
        try await browser.evaluate("document.querySelector(\"\(css)\").value") as? String
    }

    private func shownCount(_ browser: WebDriver) async throws -> Int {
        Int(try await browser.text("#match-count strong")) ?? -1
    }

    /// Where a range filter's two handles stand, as they announce it.
    private func handles(_ filter: String, _ browser: WebDriver) async throws -> [Double] {
        let values = try await browser.evaluate("""
            [...document.querySelectorAll('.range-slider[data-filter=\(filter)] .noUi-handle')].map(h => h.getAttribute('aria-valuenow'))
            """) as? [String] ?? []
        return values.compactMap(Double.init)
    }

    /// How many tracks `tonearm playlist` lists for the same flags, counted in its M3U8 file.
    private func cliCount(_ flags: [String], store: TrackStore? = nil) throws -> Int {
        let file = directory.appendingPathComponent("cli-\(UUID().uuidString).m3u8")
        let run = try TonearmCLI.run(["playlist", "--db", (store ?? fixture.store).path] + flags + ["-o", file.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        return try M3U8Reader.entries(Data(contentsOf: file)).count
    }
}
