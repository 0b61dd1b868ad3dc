import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import TrackStore
import Web
import XCTest

/// The pages, served by the real app on loopback over the fixture store.
final class PageTests: LiveAppTestCase {
    func testPlaylistPageListsEveryTrack() async throws {
        try await withServer { client in
            let html = try await self.page("/", client)
            XCTAssertTrue(html.contains("<strong>12</strong> of 12 tracks match"), html)
            XCTAssertEqual(html.components(separatedBy: "<tr data-track-id=").count - 1, 12)
            XCTAssertFalse(html.contains("id=\"pages\""), "12 rows fit on one page")
            XCTAssertTrue(html.contains("Kevin MacLeod - Vibe Ace"))
            XCTAssertTrue(html.contains("Electronic---Drum n Bass"), "the style list")
            XCTAssertTrue(html.contains("<option value=\"\" selected>shown key (fused)</option>"), "the shown key is the default")
            XCTAssertTrue(html.contains("temperley (most in agreement)"))
        }
    }

    func testFiltersChangeTheResults() async throws {
        let (dnb, vibe) = (fixture.ids["dnb"]!, fixture.ids["vibe"]!)
        try await withServer { client in
            let tempo = try await self.page("/?bpm=120-128", client)
            XCTAssertTrue(tempo.contains("<strong>3</strong> of 12"), tempo)
            XCTAssertFalse(tempo.contains("Vibe Ace"))
            let style = try await self.page("/?style=Electronic---Drum%20n%20Bass&voice=instrumental", client)
            XCTAssertTrue(style.contains("<strong>1</strong> of 12"), style)
            XCTAssertTrue(style.contains("/audio/\(dnb)\""))
            XCTAssertFalse(style.contains("/audio/\(vibe)\""))
            let none = try await self.page("/?bpm=300-", client)
            XCTAssertTrue(none.contains("<strong>0</strong> of 12"))
            XCTAssertTrue(none.contains("No track matches these filters."))
        }
    }

    func testBlankFormFieldsRedirectToTheCanonicalURL() async throws {
        try await withServer { client in
            let response = try await client.execute(
                uri: "/?style=Electronic---Drum+n+Bass&activation=0.1&bpm=&voice=any&key=db&n=", method: .get)
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertEqual(response.headers[.location], "/?style=Electronic---Drum%20n%20Bass&key=C%23")
            _ = try await self.page("/?style=Electronic---Drum%20n%20Bass&key=C%23", client)
        }
    }

    func testWrongParametersGiveAReadable400() async throws {
        try await withServer { client in
            let cases = [
                ("/?bpm=fast", "bpm: expected a range like 120-128, 0.6- or -0.3, got &#39;fast&#39;"),
                ("/?style=Nope---Nothing", "style: &#39;Nope---Nothing&#39; is not one of the stored styles"),
                ("/?tempo=120", "unknown parameter &#39;tempo&#39;"),
                ("/playlist.m3u8?voice=loud", "voice: expected one of any, vocal, instrumental"),
                ("/similar?track=999999", "no analyzed track with id or path &#39;999999&#39;"),
                ("/similar.m3u8?track=1&by=mfcc", "by: expected one of effnet, musicnn"),
                ("/similar.m3u8?track=1", "expected a track id and by=effnet or by=musicnn"),
                ("/?bpm=%zz", "expected valid percent-encoding"),
            ]
            for (uri, message) in cases {
                let html = try await self.page(uri, client, status: .badRequest)
                XCTAssertTrue(html.contains(message), "\(uri): \(html)")
            }
        }
    }

    func testNamesFromFilesAndTagsAreEscaped() async throws {
        let tagged = fixture.ids["tagged"]!
        try await withServer { client in
            for uri in ["/", "/similar?q=script", "/similar?track=\(tagged)", "/similar?q=%3Cimg"] {
                let html = try await self.page(uri, client)
                XCTAssertFalse(html.contains("<script>alert"), uri)
                XCTAssertFalse(html.contains("<img src=x"), uri)
            }
            let playlist = try await self.page("/", client)
            XCTAssertTrue(playlist.contains("&lt;script&gt;alert(1).wav"))
            XCTAssertTrue(playlist.contains("&lt;img src=x onerror=alert(2)&gt; - Pipes &amp; &quot;Drums&quot;"))
        }
    }

    func testSimilarPageShowsBothTopTenListsWithoutTheQuery() async throws {
        let ids = fixture.ids
        try await withServer { client in
            let html = try await self.page("/similar?track=\(ids["vibe"]!)", client)
            let effnet = try XCTUnwrap(html.section(from: "id=\"by-effnet\"", to: "</section>"))
            let musicnn = try XCTUnwrap(html.section(from: "id=\"by-musicnn\"", to: "</section>"))
            let order = WebFixture.specs.map(\.name).dropFirst()
            XCTAssertEqual(effnet.audioIds, order.prefix(10).map { ids[$0]! })
            XCTAssertEqual(musicnn.audioIds, order.reversed().prefix(10).map { ids[$0]! })
            XCTAssertEqual(effnet.components(separatedBy: "class=\"score\"").count - 1, 10)
            XCTAssertTrue(effnet.contains("<span class=\"score\">0.986</span>"), "cos 10° with the 0.25 offset")
            let query = try XCTUnwrap(html.section(from: "id=\"query\"", to: "</section>"))
            XCTAssertEqual(query.audioIds, [ids["vibe"]!])
        }
    }

    func testTrackSearchMatchesFileNamesAndTags() async throws {
        let ids = fixture.ids
        try await withServer { client in
            let byTag = try await self.page("/similar?q=macleod+vibe", client)
            XCTAssertTrue(byTag.contains("href=\"/similar?track=\(ids["vibe"]!)\""))
            let byFileName = try await self.page("/similar?q=unicode", client)
            XCTAssertTrue(byFileName.contains("href=\"/similar?track=\(ids["unicode"]!)\""), "accents are ignored")
            let nothing = try await self.page("/similar?q=zzzz", client)
            XCTAssertTrue(nothing.contains("0 tracks found"))
            let prefixes = try await self.page("/similar?q=kev+macl+vib", client)
            XCTAssertTrue(prefixes.contains("href=\"/similar?track=\(ids["vibe"]!)\""), "a word matches the words it begins")
            let punctuation = try await self.page("/similar?q=.", client)
            XCTAssertTrue(punctuation.contains("0 tracks found"), "punctuation alone is no word")
        }
    }

    func testListensOnLoopbackUnlessToldOtherwise() async throws {
        let app = try await buildApplication(store: fixture.store)
        XCTAssertEqual(app.configuration.address, .hostname("127.0.0.1", port: 8080))
    }

    func testEmptyStoreGetsAnExplanationInsteadOfAPage() async throws {
        let store = try TrackStore(path: directory.appendingPathComponent("empty.sqlite").path)
        try await withServer(store: store) { client in
            for uri in ["/", "/similar"] {
                let html = try await self.page(uri, client)
                XCTAssertTrue(html.contains("Nothing analyzed yet"), uri)
                XCTAssertTrue(html.contains("tonearm analyze"))
                XCTAssertTrue(html.contains("<code>\(store.path)</code>"), html)
            }
        }
    }
}

extension String {
    /// The text from the first `start` up to the next `end` after it.
    func section(from start: String, to end: String) -> String? {
        guard let lower = range(of: start), let upper = self[lower.upperBound...].range(of: end) else { return nil }
        return String(self[lower.lowerBound..<upper.lowerBound])
    }

    /// Track ids of the `<audio>` players, in page order.
    var audioIds: [Int64] {
        components(separatedBy: "src=\"/audio/").dropFirst().compactMap { Int64($0.prefix { $0.isNumber }) }
    }
}
