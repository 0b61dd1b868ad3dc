import Foundation
import TestSupport
import TrackStore
import XCTest

/// The playlists page's live filters in headless Chromium: sliders, the emotion map and the style
/// picker update the results through `/api/playlist` without a reload, with the same tracks as
/// `tonearm playlist`, and the URL and the Back button follow.
final class LiveFiltersTests: LiveAppTestCase {
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

    /// After a change: its answer is drawn (and the URL, if it changes, has changed).
    private func settled(_ browser: WebDriver) async throws {
        try await browser.waitUntil("!document.body.dataset.busy")
    }

    private func parameter(_ name: String, _ browser: WebDriver) async throws -> String? {
        try await browser.evaluate("new URLSearchParams(location.search).get('\(name)')") as? String
    }

    private func shownCount(_ browser: WebDriver) async throws -> Int {
        Int(try await browser.text("#match-count strong")) ?? -1
    }

    /// How many tracks `tonearm playlist` lists for the same flags, counted in its M3U8 file.
    private func cliCount(_ flags: [String], store: TrackStore? = nil) throws -> Int {
        let file = directory.appendingPathComponent("cli-\(UUID().uuidString).m3u8")
        let run = try TonearmCLI.run(["playlist", "--db", (store ?? fixture.store).path] + flags + ["-o", file.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        return try M3U8Reader.entries(Data(contentsOf: file)).count
    }

    func testDraggingTheBPMSliderMatchesTheCLIAndBackRestoresTheWholePlaylist() async throws {
        try await withPlaylistsPage { browser in
            XCTAssertEqual(try await self.shownCount(browser), 12)
            let source = try await browser.text("#bpm-source")
            XCTAssertTrue(source.hasPrefix("The BPM filter reads "), source)

            try await browser.drag(".range-slider[data-filter=bpm] .noUi-handle-lower", by: (x: 80, y: 0))
            try await self.settled(browser)
            let bpm = try await self.parameter("bpm", browser)
            XCTAssertNotNil(bpm, "the URL names the dragged range")
            let count = try await self.shownCount(browser)
            XCTAssertEqual(count, try self.cliCount(["--bpm", bpm ?? ""]))
            XCTAssertTrue((1..<12).contains(count), "the drag left out some tracks, not all: \(count)")
            XCTAssertEqual(try await browser.findAll("#results tbody tr").count, count)
            XCTAssertEqual(try await browser.evaluate("document.querySelector('input[name=bpm]').value") as? String, bpm)

            try await browser.back()
            try await browser.waitUntil("location.search === ''")
            try await self.settled(browser)
            XCTAssertEqual(try await self.shownCount(browser), 12)
            XCTAssertEqual(try await browser.findAll("#results tbody tr").count, 12)
            XCTAssertEqual(try await browser.evaluate("document.querySelector('input[name=bpm]').value") as? String, "")
            let lowerHandle = try await browser.evaluate(
                "document.querySelector('.range-slider[data-filter=bpm] .noUi-handle-lower').getAttribute('aria-valuenow')")
            XCTAssertEqual(Double(lowerHandle as? String ?? ""), 90, "the handle went back to the collection's slowest track")
        }
    }

    func testTypingAnExactBPMRangeMovesTheSliderAndABadOneShowsTheServersMessage() async throws {
        try await withPlaylistsPage { browser in
            try await browser.type("100-130", into: "input[name=bpm]")
            try await browser.waitUntil("new URLSearchParams(location.search).get('bpm') === '100-130'")
            try await self.settled(browser)
            XCTAssertEqual(try await self.shownCount(browser), try self.cliCount(["--bpm", "100-130"]))
            let handles = try await browser.evaluate("""
                [...document.querySelectorAll('.range-slider[data-filter=bpm] .noUi-handle')].map(h => h.getAttribute('aria-valuenow'))
                """) as? [String]
            XCTAssertEqual(handles?.compactMap(Double.init), [100, 130])

            try await browser.type("fast", into: "input[name=bpm]")
            try await self.settled(browser)
            try await browser.waitUntil("!document.getElementById('filter-error').hidden")
            let message = try await browser.text("#filter-error")
            XCTAssertEqual(message, "bpm: expected a range like 120-128, 0.6- or -0.3, got 'fast'")
            XCTAssertEqual(try await browser.evaluate("document.querySelector('input[name=bpm]').getAttribute('aria-invalid')") as? String,
                           "true")
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
            XCTAssertEqual(try await self.shownCount(browser), try self.cliCount(["--arousal", arousal, "--valence", valence]))
            let sliderFollows = try await browser.evaluate("""
                document.querySelector('.range-slider[data-filter=arousal] .noUi-handle-lower').getAttribute('aria-valuenow')
                """) as? String
            XCTAssertEqual(Double(sliderFollows ?? "") ?? 0, Double(arousal.split(separator: "-").first ?? "") ?? -1, accuracy: 0.05)
        }
    }

    func testChoosingAStyleFiltersAndRemovingItsChipUnfilters() async throws {
        try await withPlaylistsPage { browser in
            let house = "Electronic---House"
            let label = try await browser.evaluate("""
                document.querySelector("input[name=style][value='\(house)']").parentElement.dataset.count
                """) as? String
            XCTAssertEqual(label, "2", "each style shows how many tracks carry it")

            try await browser.type("house", into: "#style-search")
            try await browser.click("input[name=style][value='\(house)']")
            try await self.settled(browser)
            XCTAssertEqual(try await self.parameter("style", browser), house)
            XCTAssertEqual(try await self.shownCount(browser), try self.cliCount(["--style", house]))
            XCTAssertEqual(try await self.shownCount(browser), 2)

            try await browser.click("#style-chips button[aria-label='Remove \(house)']")
            try await self.settled(browser)
            XCTAssertNil(try await self.parameter("style", browser))
            XCTAssertEqual(try await self.shownCount(browser), 12)
            XCTAssertEqual(try await browser.findAll("#style-chips li").count, 0)

            // A parent genre's quick pick chooses all of its styles.
            try await browser.click("#parent-picks button[data-parent=Electronic]")
            try await self.settled(browser)
            let styles = try await browser.evaluate("new URLSearchParams(location.search).getAll('style')") as? [String] ?? []
            XCTAssertEqual(Set(styles), ["Electronic---House", "Electronic---Techno", "Electronic---Drum n Bass"])
            XCTAssertEqual(try await self.shownCount(browser), try self.cliCount(styles.flatMap { ["--style", $0] }))
            XCTAssertEqual(try await browser.text("#style-chips"), "Electronic (all styles) ×")
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
        try await withPlaylistsPage(store: store) { browser in
            try await browser.type("100-", into: "input[name=bpm]")
            try await browser.waitUntil("new URLSearchParams(location.search).get('bpm') === '100-'")
            try await self.settled(browser)
            let expected = try self.cliCount(["--bpm", "100-"], store: store)
            XCTAssertEqual(expected, 210)
            XCTAssertEqual(try await self.shownCount(browser), expected)
            XCTAssertEqual(try await browser.findAll("#results tbody tr").count, 100, "one page at first")
            for loaded in [200, expected] {
                _ = try await browser.evaluate("document.getElementById('more-rows').scrollIntoView() ?? 0")
                try await browser.waitUntil("document.querySelectorAll('#results tbody tr').length >= \(loaded)")
            }
            let ids = try await browser.evaluate("[...document.querySelectorAll('#results tbody tr')].map(row => row.dataset.trackId)")
            XCTAssertEqual(Set(ids as? [String] ?? []).count, expected, "every match once, none twice")
        }
    }
}
