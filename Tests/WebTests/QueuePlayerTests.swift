import Foundation
import HummingbirdTesting
import TestSupport
import Web
import XCTest

/// The queue player and the similar page's type-ahead in headless Chromium, against the real app on
/// loopback. Playback is real: the 0.5 s clip plays to its end and the queue moves on by itself.
final class QueuePlayerTests: LiveAppTestCase {
    private static let arrowDown = "\u{E015}", enter = "\u{E007}"

    /// Runs `test` with a browser on the live app at `site`.
    private func inBrowser(_ test: @escaping @Sendable (WebDriver, String) async throws -> Void) async throws {
        let downloads = directory.appendingPathComponent("downloads")
        try await withServer { client in
            let browser = try await WebDriver(downloads: downloads)
            do {
                try await test(browser, "http://localhost:\(client.port!)")
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }

    private func assertPlaying(_ browser: WebDriver, _ expected: String?, _ message: String = "",
                               line: UInt = #line) async throws {
        let playing = try await browser.execute("return window.tonearmQueue.current()?.id ?? null") as? String
        XCTAssertEqual(playing, expected, message, line: line)
    }

    /// The ids of the elements marked as playing, in page order, are `expected`.
    private func assertHighlighted(_ browser: WebDriver, _ expected: [String], _ message: String = "",
                                   line: UInt = #line) async throws {
        let marked = try await browser.execute("""
            return [...document.querySelectorAll('[data-queue] [aria-current=true]')]
              .filter(e => e.classList.contains('playing')).map(e => e.dataset.trackId)
            """) as? [String] ?? []
        XCTAssertEqual(marked, expected, message, line: line)
    }

    private func assertURL(_ browser: WebDriver, _ expected: String, _ message: String, line: UInt = #line) async throws {
        let url = try await browser.currentURL
        XCTAssertEqual(url, expected, message, line: line)
    }

    func testThePlaylistPlaysInOrderAdvancesByItselfAndAnswersKeys() async throws {
        let ids = fixture.ids
        try await inBrowser { browser, site in
            try await browser.go(site + "/")
            let rows = try await browser.execute(
                "return [...document.querySelectorAll('#results tbody tr')].map(r => r.dataset.trackId)") as? [String] ?? []
            // By name: the tagged track, then the 0.5 s clip, then the drum and bass.
            XCTAssertEqual(Array(rows.prefix(3)), ["tagged", "script", "dnb"].map { String(ids[$0]!) })
            try await self.assertPlaying(browser, nil)

            try await browser.click("#results tbody tr:nth-child(3) button.play")
            try await self.assertPlaying(browser, rows[2], "row 3's button starts the queue there")
            try await self.assertHighlighted(browser, [rows[2]])
            let shown = try await browser.text("#queue-now")
            XCTAssertEqual(shown, "3/12 · admiralbob77_choice_drum_and_bass.wav")

            try await browser.press("n")
            try await self.assertPlaying(browser, rows[3])
            try await self.assertHighlighted(browser, [rows[3]])

            // Space toggles the player when the focus is on no control.
            try await browser.execute("document.activeElement.blur()")
            let pausedBefore = try await browser.execute("return document.getElementById('queue-audio').paused") as? Bool
            try await browser.press(" ")
            let pausedAfter = try await browser.execute("return document.getElementById('queue-audio').paused") as? Bool
            XCTAssertEqual([pausedBefore, pausedAfter], [false, true])
            try await browser.press(" ")
            let pausedAgain = try await browser.execute("return document.getElementById('queue-audio').paused") as? Bool
            XCTAssertEqual(pausedAgain, false)

            // Back to the 0.5 s clip, which plays to its end: the queue goes on to the next row by itself.
            try await browser.press("p")
            try await self.assertPlaying(browser, rows[2])
            try await browser.execute("""
                const audio = document.getElementById('queue-audio');
                window.clipEnded = new Promise(resolve => audio.addEventListener('ended', () => resolve({
                  next: window.tonearmQueue.current()?.id ?? null, source: audio.getAttribute('src')}), {once: true}));
                window.clipFailed = new Promise(resolve => audio.addEventListener('error', () => resolve({error: audio.error.code})));
                """)
            try await browser.press("p")
            try await self.assertPlaying(browser, rows[1])
            let ended = try await browser.executeAsync(
                "Promise.race([window.clipEnded, window.clipFailed]).then(arguments[0])") as? [String: Any]
            XCTAssertNil(ended?["error"], "\(ended ?? [:])")
            XCTAssertEqual(ended?["next"] as? String, rows[2])
            XCTAssertEqual(ended?["source"] as? String, "/audio/\(rows[2])")
            try await self.assertHighlighted(browser, [rows[2]])

            // Rows replaced under the playing queue (as the filters do with the table body) keep playing on.
            try await browser.execute("""
                const body = document.querySelector('#results tbody');
                body.innerHTML = body.innerHTML;
                """)
            try await self.assertHighlighted(browser, [rows[2]], "the new rows get the highlight back")
            try await browser.click("#queue-next")
            try await self.assertPlaying(browser, rows[3])
        }
    }

    func testTypeAheadPicksATrackAndBothNeighbourListsShareTheQueue() async throws {
        let ids = fixture.ids
        try await inBrowser { browser, site in
            try await browser.go(site + "/similar?bpm=90-130")
            try await browser.type("macleod", into: "input[name=q]")
            // Wait until the list shows the answer for the whole word, not for a first letter.
            let options = try await browser.executeAsync("""
                const done = arguments[0];
                const look = () => {
                  const names = [...document.querySelectorAll('#typeahead-0 [role=option]')].map(o => o.dataset.id);
                  if (names.length === 5) done(names); else setTimeout(look, 50);
                };
                look();
                """) as? [String]
            let macleod = ["vibe", "voxel", "funk", "galway", "danse"].map { String(ids[$0]!) }
            XCTAssertEqual(Set(options ?? []), Set(macleod), "the five Kevin MacLeod tracks")
            let combobox = try await browser.execute("""
                const input = document.querySelector('input[name=q]');
                return [input.getAttribute('role'), input.getAttribute('aria-expanded'), input.getAttribute('aria-controls')]
                """) as? [String]
            XCTAssertEqual(combobox, ["combobox", "true", "typeahead-0"])

            try await browser.press(Self.arrowDown + Self.arrowDown)
            let active = try await browser.execute(
                "return document.querySelector('input[name=q]').getAttribute('aria-activedescendant')") as? String
            XCTAssertEqual(active, "typeahead-0-1")
            let second = options![1]
            try await browser.press(Self.enter)
            _ = try await browser.find("#query")
            try await self.assertURL(browser, site + "/similar?bpm=90-130&track=\(second)",
                                     "the chosen track becomes the query, the filter stays")
            let effnet = try await browser.execute(
                "return [...document.querySelectorAll('#by-effnet li')].map(l => l.dataset.trackId)") as? [String] ?? []
            let musicnn = try await browser.execute(
                "return [...document.querySelectorAll('#by-musicnn li')].map(l => l.dataset.trackId)") as? [String] ?? []
            XCTAssertFalse(effnet.isEmpty || musicnn.isEmpty)

            // The last EffNet neighbour is followed by the first MusiCNN one: one queue over both columns.
            try await browser.execute("document.querySelector('#by-effnet li:last-child').scrollIntoView({block: 'center'})")
            try await browser.click("#by-effnet li:last-child button.play")
            try await self.assertPlaying(browser, effnet.last)
            try await browser.press("n")
            try await self.assertPlaying(browser, musicnn.first)
            // Every element of the playing track is marked, in either column.
            try await self.assertHighlighted(browser, effnet.filter { $0 == musicnn.first } + [musicnn.first!])

            // Each neighbour's name is one click from becoming the query, with the filter kept.
            try await browser.click("#by-musicnn li:first-child a")
            _ = try await browser.find("#query")
            try await self.assertURL(browser, site + "/similar?track=\(musicnn.first!)&bpm=90-130", "the filter stays")
        }
    }
}
