import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Web
import XCTest

/// End to end in headless Chromium: filters, results, players, the M3U8 download and the similar
/// page, against the real app on loopback. With TONEARM_SCREENSHOTS=<folder> it also saves
/// playlists.png and similar.png there.
final class BrowserTests: LiveAppTestCase {
    func testFilterListenDownloadAndFindSimilarTracks() async throws {
        let downloads = directory.appendingPathComponent("downloads")
        let dnbPath = try fixture.path("dnb")
        try await withServer { client in
            let site = "http://localhost:\(client.port!)"
            let browser = try await WebDriver(downloads: downloads)
            do {
                try await self.playlistPage(browser, site: site, downloads: downloads, expectedPath: dnbPath)
                try await self.similarPage(browser, site: site)
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }

    private func playlistPage(_ browser: WebDriver, site: String, downloads: URL, expectedPath: String) async throws {
        try await browser.go(site + "/")
        let everything = try await browser.text("#match-count strong")
        XCTAssertEqual(everything, "12")

        // The style search narrows the 400 checkboxes to the matching ones.
        try await browser.type("drum bass", into: "#style-search")
        let visible = try await browser.executeAsync("""
            arguments[0]([...document.querySelectorAll('#styles label')].filter(l => !l.hidden).map(l => l.textContent.trim()))
            """) as? [String]
        XCTAssertEqual(visible, ["Electronic---Drum n Bass"])
        try await browser.click("input[name=style][value='Electronic---Drum n Bass']")
        try await browser.type("160-180", into: "input[name=bpm]")
        try await browser.click("select[name=voice] option[value=instrumental]")
        try await browser.click("#apply")

        // The live filters update the URL as they go; the applied form's is the last of those updates.
        try await browser.waitUntil("new URLSearchParams(location.search).get('voice') === 'instrumental'")
        let url = try await browser.currentURL
        XCTAssertEqual(url, site + "/?style=Electronic---Drum%20n%20Bass&bpm=160-180&voice=instrumental",
                       "the query lives in a clean, bookmarkable URL")
        let (count, rows) = (try await browser.text("#match-count strong"), try await browser.findAll("#results tbody tr"))
        XCTAssertEqual(count, "1")
        XCTAssertEqual(rows.count, 1)
        let table = try await browser.text("#results tbody")
        XCTAssertTrue(table.contains("admiralbob77_choice_drum_and_bass.wav"), table)

        // A player of the row's audio loads the stream and seeks into it, which needs byte ranges.
        let playback = try await browser.executeAsync("""
            const done = arguments[0], audio = new Audio(document.querySelector('#results tbody tr').dataset.audio);
            audio.addEventListener('error', () => done({error: audio.error.code}));
            audio.addEventListener('loadedmetadata', () => {
              audio.addEventListener('seeked', () => done({duration: audio.duration, time: audio.currentTime}), {once: true});
              audio.currentTime = 3;
            }, {once: true});
            audio.preload = 'auto';
            audio.load();
            """) as? [String: Double]
        XCTAssertNil(playback?["error"], "\(playback ?? [:])")
        XCTAssertGreaterThan(playback?["duration"] ?? 0, 3)
        XCTAssertEqual(playback?["time"] ?? 0, 3, accuracy: 0.1)
        try await saveScreenshot(browser, "playlists.png")

        try await browser.click("#download-m3u8")
        let file = downloads.appendingPathComponent("tonearm-playlist.m3u8")
        try await waitForFile(file)
        XCTAssertEqual(try M3U8Reader.entries(Data(contentsOf: file)).map(\.path), [expectedPath])
    }

    private func similarPage(_ browser: WebDriver, site: String) async throws {
        try await browser.click("nav a[href='/similar']")
        try await browser.type("vibe ace", into: "input[name=q]")
        try await browser.click("#track-search button")
        try await browser.click("#search-results a")
        let (title, queryPlayers) = (try await browser.text("#query h2"), try await browser.findAll("#query audio"))
        XCTAssertEqual(title, "Kevin MacLeod - Vibe Ace")
        XCTAssertEqual(queryPlayers.count, 1)
        for kind in ["effnet", "musicnn"] {
            let entries = try await browser.findAll("#by-\(kind) li")
            let players = try await browser.findAll("#by-\(kind) li audio")
            let downloads = try await browser.findAll("#by-\(kind) a[download]")
            XCTAssertEqual([entries.count, players.count, downloads.count], [10, 10, 1], kind)
        }
        let nearestByEffnet = try await browser.text("#by-effnet li:first-child")
        let nearestByMusicnn = try await browser.text("#by-musicnn li:first-child")
        XCTAssertTrue(nearestByEffnet.hasPrefix("Ünïcödé 日本 beat.mp3"), nearestByEffnet)
        XCTAssertTrue(nearestByMusicnn.hasPrefix("kevin_macleod_danse_macabre_finale.mp3"), nearestByMusicnn)
        try await saveScreenshot(browser, "similar.png")
    }

    /// Chrome writes a `.crdownload` file and renames it when done; wait for the rename.
    private func waitForFile(_ file: URL) async throws {
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: file.path) {
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), "download never arrived")
    }

    private func saveScreenshot(_ browser: WebDriver, _ name: String) async throws {
        guard let folder = ProcessInfo.processInfo.environment["TONEARM_SCREENSHOTS"] else { return }
        try await browser.screenshot().write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }
}
