import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Web
import XCTest

/// `/api/search` and what the similar page shows about its query track, over the fixture store.
final class SearchAndSimilarDetailTests: LiveAppTestCase {
    private struct Answer: Decodable {
        struct Found: Decodable, Equatable {
            let id: Int64
            let name: String
            let path: String
        }

        let tracks: [Found]
        let truncated: Bool
    }

    private func get(_ uri: String, _ client: any TestClientProtocol) async throws -> (HTTPResponse.Status, String, String) {
        let response = try await client.execute(uri: uri, method: .get)
        return (response.status, response.headers[.contentType] ?? "", String(buffer: response.body))
    }

    func testSearchAnswersJSONWithThePagesMatching() async throws {
        let ids = fixture.ids
        try await withServer { client in
            let (status, type, body) = try await self.get("/api/search?q=macleod", client)
            XCTAssertEqual(status, .ok)
            XCTAssertEqual(type, "application/json; charset=utf-8")
            let answer = try JSONDecoder().decode(Answer.self, from: Data(body.utf8))
            XCTAssertEqual(Set(answer.tracks.map(\.id)), Set(["vibe", "voxel", "funk", "galway", "danse"].map { ids[$0]! }))
            XCTAssertFalse(answer.truncated)
            let vibe = try XCTUnwrap(answer.tracks.first { $0.id == ids["vibe"]! })
            XCTAssertEqual(vibe, .init(id: ids["vibe"]!, name: "Kevin MacLeod - Vibe Ace", path: try self.fixture.path("vibe")))

            let (_, _, accents) = try await self.get("/api/search?q=unicode", client)
            XCTAssertEqual(try JSONDecoder().decode(Answer.self, from: Data(accents.utf8)).tracks.map(\.id), [ids["unicode"]!],
                           "accents are ignored, as on the page")
            let (_, _, one) = try await self.get("/api/search?q=macleod&limit=2", client)
            let limited = try JSONDecoder().decode(Answer.self, from: Data(one.utf8))
            XCTAssertEqual(limited.tracks.map(\.id), Array(answer.tracks.map(\.id).prefix(2)))
            XCTAssertTrue(limited.truncated)
            let (_, _, empty) = try await self.get("/api/search?q=", client)
            let nothing = try JSONDecoder().decode(Answer.self, from: Data(empty.utf8))
            XCTAssertEqual(nothing.tracks, [])
            XCTAssertFalse(nothing.truncated)

            for (uri, message) in [("/api/search?q=x&limit=0", "limit"), ("/api/search?q=x&limit=abc", "limit"),
                                   ("/api/search?query=x", "query")] {
                let (status, type, body) = try await self.get(uri, client)
                XCTAssertEqual(status, .badRequest, uri)
                XCTAssertEqual(type, "application/json; charset=utf-8", uri)
                let error = try JSONDecoder().decode([String: String].self, from: Data(body.utf8))["error"] ?? ""
                XCTAssertTrue(error.contains(message), "\(uri): \(error)")
            }
        }
    }

    func testSimilarPageShowsTheQueryDescriptorsScoreBarsAndLinksKeepingTheFilter() async throws {
        let ids = fixture.ids
        try await withServer { client in
            let (status, _, html) = try await self.get("/similar?track=\(ids["vibe"]!)&bpm=90-130", client)
            XCTAssertEqual(status, .ok)
            let facts = try XCTUnwrap(html.range(of: "id=\"query-facts\"").map { String(html[$0.upperBound...].prefix(800)) })
            XCTAssertTrue(facts.contains("<dt>BPM</dt><dd>118.0</dd>"), facts)
            XCTAssertTrue(facts.contains("<dt>Danceability</dt><dd>0.60</dd>"), facts)
            XCTAssertTrue(facts.contains("<dt>Voice</dt><dd>0.10</dd>"), facts)
            XCTAssertTrue(facts.contains("<dt>Arousal</dt><dd>2.0</dd>"), facts)
            XCTAssertTrue(facts.contains("<dt>Valence</dt><dd>8.0</dd>"), facts)
            XCTAssertTrue(html.contains("Top styles: <span class=\"style\">Jazz---Bop <span class=\"score\">0.80</span></span>"), html)

            // Neighbours by EffNet at 120-130 BPM: unicode (10°), script (20°), voxel (70°).
            let effnet = try XCTUnwrap(html.range(of: "id=\"by-effnet\"").map { String(html[$0.upperBound...].prefix(3000)) })
            XCTAssertTrue(effnet.contains("<meter min=\"0\" max=\"1\" value=\"0.986\""), effnet)
            XCTAssertTrue(effnet.contains("href=\"/similar?track=\(ids["unicode"]!)&amp;bpm=90-130\""), "one click, filter kept")
            XCTAssertTrue(effnet.contains("data-track-id=\"\(ids["unicode"]!)\" data-audio=\"/audio/\(ids["unicode"]!)\""))
            XCTAssertTrue(html.contains("<div id=\"similar-queue\" data-queue>"))
            XCTAssertTrue(html.contains("src=\"/static/js/queue-player.js\""))
            XCTAssertTrue(html.contains("data-typeahead=\"track\""))
        }
    }

    func testPlaylistRowsAndThePathAreQueued() async throws {
        let ids = fixture.ids
        try await withServer { client in
            let (_, _, playlist) = try await self.get("/", client)
            XCTAssertTrue(playlist.contains("<table id=\"results\" data-queue>"))
            let dnb = ids["dnb"]!
            XCTAssertTrue(playlist.contains("<tr data-track-id=\"\(dnb)\" data-audio=\"/audio/\(dnb)\" data-name=\"admiralbob77_choice_drum_and_bass.wav\">"))
            XCTAssertTrue(playlist.contains("<button type=\"button\" class=\"play\" aria-label=\"Play admiralbob77_choice_drum_and_bass.wav\"></button>"))
            XCTAssertTrue(playlist.contains("<a href=\"/similar?track=\(dnb)\" class=\"similar\">similar</a>"))
            XCTAssertEqual(playlist.components(separatedBy: "class=\"play\"").count - 1, 12)
            XCTAssertTrue(playlist.contains("id=\"queue-player\""))

            let (_, _, path) = try await self.get("/path?from=\(ids["vibe"]!)&to=\(ids["danse"]!)&by=effnet&n=4", client)
            let steps = try XCTUnwrap(path.range(of: "id=\"path-steps\" data-queue>").map { String(path[$0.upperBound...]) })
            let queued = steps.components(separatedBy: "<li data-track-id=\"").dropFirst().compactMap { Int64($0.prefix { $0.isNumber }) }
            XCTAssertEqual(queued, ["vibe", "dnb", "voxel", "danse"].map { ids[$0]! }, "the path plays in its order")
            XCTAssertTrue(path.contains("id=\"queue-player\""))
            let (_, _, picking) = try await self.get("/path?from=\(ids["vibe"]!)", client)
            XCTAssertTrue(picking.contains("data-typeahead=\"to\""), "with a start chosen, a picked track is the end")
        }
    }
}
