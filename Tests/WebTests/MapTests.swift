import Foundation
import HummingbirdTesting
import TestSupport
import TrackStore
import XCTest

/// The music map's JSON, name look-ups, box download and no-JavaScript page, over the fixture store.
final class MapTests: LiveAppTestCase {
    struct Map: Decodable {
        let by: String
        let count: Int
        let ids: [Int64]
        let x: [Double]
        let y: [Double]
        let genres: [String]
        let genre: [Int]
        let bpm: [Double?]
        let keys: [String]
        let key: [Int]
        let arousal: [Double?]
        let valence: [Double?]
    }

    static func map(_ client: any TestClientProtocol, by kind: String) async throws -> Map {
        let response = try await client.execute(uri: "/api/map?by=\(kind)", method: .get)
        XCTAssertEqual(response.status, .ok)
        XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
        return try JSONDecoder().decode(Map.self, from: Data(buffer: response.body))
    }

    func testMapHasOneEntryPerAnalyzedTrackInParallelArrays() async throws {
        let analyzed = try fixture.store.descriptors().count
        try await withServer { client in
            for kind in ["effnet", "musicnn"] {
                let map = try await Self.map(client, by: kind)
                XCTAssertEqual(map.by, kind)
                XCTAssertEqual(map.count, analyzed)
                XCTAssertEqual(Set(map.ids), Set(self.fixture.ids.values))
                for length in [map.x.count, map.y.count, map.genre.count, map.bpm.count, map.key.count,
                               map.arousal.count, map.valence.count] {
                    XCTAssertEqual(length, analyzed, kind)
                }
                XCTAssertEqual(Set(zip(map.x, map.y).map { "\($0) \($1)" }).count, analyzed, "no two fixture tracks coincide")
                XCTAssertEqual(map.keys.count, 24)
                XCTAssertTrue(map.genres.contains("Electronic"), "\(map.genres)")
                XCTAssertTrue(map.genre.allSatisfy { map.genres.indices.contains($0) })
                let dnb = map.ids.firstIndex(of: self.fixture.ids["dnb"]!)!
                XCTAssertEqual(map.genres[map.genre[dnb]], "Electronic")
                XCTAssertEqual(map.bpm[dnb] ?? 0, 174, accuracy: 1)
            }
        }
    }

    func testWrongParametersGiveAJSONError() async throws {
        try await withServer { client in
            for (uri, message) in [("/api/map?by=mfcc", "by: expected one of effnet, musicnn"),
                                   ("/api/map?zoom=2", "unknown parameter 'zoom'"),
                                   ("/api/map/tracks?ids=1,x", "up to 1000 comma-separated track ids")] {
                let response = try await client.execute(uri: uri, method: .get)
                XCTAssertEqual(response.status, .badRequest, uri)
                let body = try JSONDecoder().decode([String: String].self, from: Data(buffer: response.body))
                XCTAssertTrue(body["error"]?.contains(message) ?? false, "\(uri): \(body)")
            }
        }
    }

    func testNamesAreLookedUpById() async throws {
        let (dnb, vibe) = (fixture.ids["dnb"]!, fixture.ids["vibe"]!)
        try await withServer { client in
            let response = try await client.execute(uri: "/api/map/tracks?ids=\(vibe),\(dnb),999999", method: .get)
            let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: [[String: Any]]]
            let tracks = body?["tracks"] ?? []
            XCTAssertEqual(tracks.map { ($0["id"] as? NSNumber)?.int64Value }, [vibe, dnb], "unknown ids are left out")
            XCTAssertEqual(tracks.first?["name"] as? String, "Kevin MacLeod - Vibe Ace")
            XCTAssertEqual(tracks.first?["audio"] as? String, "/audio/\(vibe)")
        }
    }

    /// A box over the left half of the map: the download lists exactly the tracks inside, left to right.
    func testBoxDownloadListsTheTracksInside() async throws {
        try await withServer { client in
            let map = try await Self.map(client, by: "effnet")
            let xs = map.x.sorted()
            let edge = (xs[5] + xs[6]) / 2
            let inside = map.ids.indices.filter { map.x[$0] <= edge }.sorted { map.x[$0] < map.x[$1] }
            let box = "x0=\(xs[0] - 1)&x1=\(edge)&y0=\(map.y.min()! - 1)&y1=\(map.y.max()! + 1)"
            let response = try await client.execute(uri: "/map.m3u8?by=effnet&\(box)", method: .get)
            XCTAssertEqual(response.status, .ok)
            let paths = try M3U8Reader.entries(Data(buffer: response.body)).map(\.path)
            XCTAssertEqual(paths, try inside.map { try self.fixture.store.track(id: map.ids[$0])!.path })
            XCTAssertEqual(paths.count, 6)

            let incomplete = try await client.execute(uri: "/map.m3u8?by=effnet&x0=1", method: .get)
            XCTAssertEqual(incomplete.status, .badRequest)
        }
    }

    func testPageOffersTheBoxFormWithoutJavaScript() async throws {
        try await withServer { client in
            let response = try await client.execute(uri: "/map?by=musicnn", method: .get)
            let html = String(buffer: response.body)
            XCTAssertEqual(response.status, .ok)
            XCTAssertTrue(html.contains("<a href=\"/map\" aria-current=\"page\">Music map</a>"), html)
            XCTAssertTrue(html.contains("<form method=\"get\" action=\"/map.m3u8\" id=\"map-form\">"))
            XCTAssertTrue(html.contains("<option value=\"musicnn\" selected>musicnn</option>"))
            XCTAssertTrue(html.contains("<strong id=\"map-count\">12</strong>"))
            XCTAssertTrue(html.contains("<script type=\"module\" src=\"/static/js/music-map.js\"></script>"))
            for name in ["x0", "x1", "y0", "y1"] {
                XCTAssertTrue(html.contains("name=\"\(name)\""), name)
            }
        }
    }
}
