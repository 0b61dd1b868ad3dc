import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Users
import Web
import XCTest

/// Saved smart playlists against the real app on loopback: the save form, the Saved page, the
/// playlists folder (the default one beside the fixture's `store.sqlite`) and `tonearm playlist --saved`.
final class SavedPlaylistTests: LiveAppTestCase {
    private var folder: URL { directory.appendingPathComponent("store-playlists") }

    private func file(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("\(name).m3u8"), encoding: .utf8)
    }

    func testSavingTwiceUnderOneNameAsksBeforeReplacingADifferentQuery() async throws {
        try await withServer { client in
            let saved = SavedPlaylistClient(client: client)
            let csrf = try await saved.csrf()
            let first = try await saved.save("House", query: "style=Electronic---House", csrf: csrf)
            XCTAssertEqual(first.status, .seeOther)
            let house = try self.file("House")
            XCTAssertTrue(house.contains("boom_hit") || house.contains("Ünïcödé"), house)
            let listed = try await saved.savedPage()
            XCTAssertEqual(listed, ["House": 2])

            let second = try await saved.save("House", query: "bpm=170-180", csrf: csrf)
            XCTAssertEqual(second.status, .conflict, "a different query under the same name asks first")
            let question = String(buffer: second.body)
            XCTAssertTrue(question.contains("id=\"confirm-form\"") && question.contains("name=\"overwrite\" value=\"1\""), question)
            let unchanged = try await saved.savedPage()
            XCTAssertEqual(unchanged, ["House": 2], "the stored query is unchanged until confirmed")
            XCTAssertEqual(try self.file("House"), house, "and so is the file")

            let again = try await saved.save("House", query: "style=Electronic---House", csrf: csrf)
            XCTAssertEqual(again.status, .seeOther, "the same query again needs no confirmation")

            let confirmed = try await saved.save("House", query: "bpm=170-180", overwrite: true, csrf: csrf)
            XCTAssertEqual(confirmed.status, .seeOther)
            let replaced = try await saved.savedPage()
            XCTAssertEqual(replaced, ["House": 1])
            XCTAssertTrue(try self.file("House").contains("admiralbob77_choice_drum_and_bass.wav"))
        }
    }

    func testNamesThatCouldEscapeOrHideInTheFolderAreRefused() async throws {
        let outside = directory.deletingLastPathComponent()
        let before = try FileManager.default.contentsOfDirectory(atPath: outside.path)
        try await withServer { client in
            let saved = SavedPlaylistClient(client: client)
            let csrf = try await saved.csrf()
            for name in ["../../x", "a/b", "..\\x", ".hidden", "..", "", "   ", "tab\there", String(repeating: "n", count: 101)] {
                let response = try await saved.save(name, query: "bpm=100-130", csrf: csrf)
                XCTAssertEqual(response.status, .badRequest, "\(name.debugDescription) is refused")
                let html = String(buffer: response.body)
                XCTAssertTrue(html.contains("playlist name"), html)
            }
            let listed = try await saved.savedPage()
            XCTAssertEqual(listed, [:])
            let fine = try await saved.save("Warm-up: ü & co", query: "bpm=100-130", csrf: csrf)
            XCTAssertEqual(fine.status, .seeOther)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["Warm-up: ü & co.m3u8"])
        let inTest = try FileManager.default.subpathsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".m3u8") }
        XCTAssertEqual(inTest, ["store-playlists/Warm-up: ü & co.m3u8"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path).filter { $0.hasSuffix(".m3u8") },
                       before.filter { $0.hasSuffix(".m3u8") })
    }

    func testTheFileTheDownloadAndTheCommandLineHoldThePagesTracks() async throws {
        let query = "dance=0.7-&sort=bpm&order=desc"
        let storePath = fixture.store.path
        let output = directory.appendingPathComponent("cli.m3u8")
        try await withServer { client in
            let saved = SavedPlaylistClient(client: client)
            let response = try await saved.save("Dance floor", query: query, csrf: try await saved.csrf())
            XCTAssertEqual(response.status, .seeOther)
            let page = try await saved.get("/playlist.m3u8?\(query)")
            XCTAssertEqual(page.components(separatedBy: "#EXTINF").count - 1, 6, page)
            XCTAssertEqual(try self.file("Dance floor"), page)
            let list = try await saved.get("/saved")
            let id = try XCTUnwrap(SavedPlaylistClient.savedIds(in: list).first)
            let download = try await saved.get("/saved/\(id).m3u8")
            XCTAssertEqual(download, page)

            let cli = try TonearmCLI.run(["playlist", "--db", storePath, "--saved", "Dance floor", "-o", output.path])
            XCTAssertEqual(cli.status, 0, cli.stderr)
            XCTAssertTrue(cli.stdout.hasPrefix("6 of 12 tracks match"), cli.stdout)
            XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), page, "the CLI runs the page's query")
        }
        let unknown = try TonearmCLI.run(["playlist", "--db", storePath, "--saved", "Nope"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("no saved playlist named 'Nope'"), unknown.stderr)
        let combined = try TonearmCLI.run(["playlist", "--db", storePath, "--saved", "Dance floor", "--bpm", "100-"])
        XCTAssertNotEqual(combined.status, 0)
        XCTAssertTrue(combined.stderr.contains("cannot be combined with --bpm"), combined.stderr)
    }

    func testPostsWithoutTheTokenOrFromAnotherSiteAreRefused() async throws {
        try await withServer { client in
            let saved = SavedPlaylistClient(client: client)
            let csrf = try await saved.csrf()
            let refusals = [
                try await saved.save("Mine", query: "bpm=100-", csrf: nil),
                try await saved.save("Mine", query: "bpm=100-", csrf: String(repeating: "0", count: 64)),
                try await saved.save("Mine", query: "bpm=100-", csrf: csrf, headers: [.origin: "http://evil.example"]),
                try await saved.save("Mine", query: "bpm=100-", csrf: csrf, headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]),
            ]
            XCTAssertEqual(refusals.map(\.status), Array(repeating: .forbidden, count: 4))
            let nothing = try await saved.savedPage()
            XCTAssertEqual(nothing, [:])

            // The test client's Host is a bare "localhost", so that is the app's own origin here.
            let own = try await saved.save("Mine", query: "bpm=100-", csrf: csrf, headers: [.origin: "http://localhost"])
            XCTAssertEqual(own.status, .seeOther, "the app's own origin is fine")
            let list = try await saved.get("/saved")
            let id = try XCTUnwrap(SavedPlaylistClient.savedIds(in: list).first)
            let delete = try await saved.delete(id: id, confirm: true, csrf: nil)
            XCTAssertEqual(delete.status, .forbidden)
            let kept = try await saved.savedPage()
            XCTAssertEqual(kept, ["Mine": 10])
        }
    }

    func testTheSavedPageListsOpensAndDeletesAfterConfirming() async throws {
        try await withServer { client in
            let saved = SavedPlaylistClient(client: client)
            let csrf = try await saved.csrf()
            _ = try await saved.save("Jazz", query: "style=Jazz---Bop", csrf: csrf)
            let html = try await saved.get("/saved")
            XCTAssertTrue(html.contains("<a href=\"/saved\" aria-current=\"page\">Saved</a>"), "the header links the page")
            XCTAssertTrue(html.contains("href=\"/?style=Jazz---Bop\""), "it opens the playlists page with its query")
            let id = try XCTUnwrap(SavedPlaylistClient.savedIds(in: html).first)

            let question = try await saved.delete(id: id, confirm: false, csrf: csrf)
            XCTAssertEqual(question.status, .ok)
            XCTAssertTrue(String(buffer: question.body).contains("id=\"delete-confirm-form\""))
            let stillThere = try await saved.savedPage()
            XCTAssertEqual(stillThere, ["Jazz": 2])

            let deleted = try await saved.delete(id: id, confirm: true, csrf: csrf)
            XCTAssertEqual(deleted.status, .seeOther)
            let gone = try await saved.get("/saved")
            XCTAssertTrue(gone.contains("id=\"no-saved\""), gone)
            XCTAssertFalse(FileManager.default.fileExists(atPath: self.folder.appendingPathComponent("Jazz.m3u8").path))
            let again = try await saved.delete(id: id, confirm: true, csrf: csrf)
            XCTAssertEqual(again.status, .notFound)
        }
    }

    func testWithLoginAPlaylistBelongsToItsUser() async throws {
        let users = UserDirectory(store: fixture.store)
        try users.add(name: "ann", password: "pw")
        let login = try WebLogin(users: users)
        let router = try await buildRouter(store: fixture.store, login: login)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        let storePath = fixture.store.path
        try await app.test(.live) { client in
            let session = try await LoginClient(client: client).session(name: "ann", password: "pw")
            let saved = SavedPlaylistClient(client: client, session: session)
            let response = try await saved.save("Hers", query: "voice=vocal", csrf: try await saved.csrf())
            XCTAssertEqual(response.status, .seeOther)
            let listed = try await saved.savedPage()
            XCTAssertEqual(listed, ["Hers": 2])
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ann/Hers.m3u8").path))
        let local = try TonearmCLI.run(["playlist", "--db", storePath, "--saved", "Hers"])
        XCTAssertTrue(local.stderr.contains("saved by ann"), local.stderr)
        let hers = try TonearmCLI.run(["playlist", "--db", storePath, "--saved", "Hers", "--owner", "ann"])
        XCTAssertTrue(hers.stdout.hasPrefix("2 of 12 tracks match"), hers.stdout + hers.stderr)
    }

    func testInChromiumASecondSaveUnderTheSameNameIsConfirmedFirst() async throws {
        let downloads = directory.appendingPathComponent("downloads")
        try await withServer { client in
            let site = "http://localhost:\(client.port!)"
            let browser = try await WebDriver(downloads: downloads)
            do {
                try await browser.go(site + "/?style=Electronic---House")
                try await browser.type("Set one", into: "#save-name")
                try await browser.clickAndWaitForNextPage("#save-form button")
                let listed = try await browser.currentURL
                XCTAssertEqual(listed, site + "/saved")
                let count = try await browser.text("#saved-list .matches")
                XCTAssertEqual(count, "2")

                try await browser.go(site + "/?bpm=170-180")
                try await browser.type("Set one", into: "#save-name")
                try await browser.click("#save-form button")
                let question = try await browser.text("#confirm-message")
                XCTAssertTrue(question.contains("already holds another query"), question)
                try await browser.go(site + "/saved")
                let unchanged = try await browser.text("#saved-list .matches")
                XCTAssertEqual(unchanged, "2", "nothing replaced before confirming")

                try await browser.go(site + "/?bpm=170-180")
                try await browser.type("Set one", into: "#save-name")
                try await browser.click("#save-form button")
                try await browser.click("#confirm-form button")
                let replaced = try await browser.text("#saved-list .matches")
                XCTAssertEqual(replaced, "1")

                try await browser.click("#saved-list .delete-form button")
                try await browser.click("#delete-confirm-form button")
                _ = try await browser.find("#no-saved")
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }
}
