import Foundation
import HummingbirdTesting
import TestSupport
import TrackStore
import XCTest

/// `/api/playlist` and `/api/collection` against the real app on loopback, and the CLI as the reference.
final class PlaylistAPITests: LiveAppTestCase {
    struct Slice: Decodable {
        struct Row: Decodable {
            let rank: Int
            let id: Int64
            let name: String
            let audio: String
        }

        let total: Int
        let trackCount: Int
        let offset: Int
        let count: Int
        let keySource: String
        let link: String
        let m3u8: String
        let columns: [String]
        let rowsHtml: String
        let rows: [Row]
        let matched: [String: [Int]]
    }

    struct Facts: Decodable {
        struct Range: Decodable {
            let min: Double
            let max: Double
            let bins: [Int]
        }

        struct Count: Decodable {
            let name: String
            let count: Int
        }

        struct Grid: Decodable {
            let size: Int
            let grid: [Int]
        }

        let version: Int
        let trackCount: Int
        let state: AnalysisCounts
        let bpmSource: String
        let ranges: [String: Range]
        let styles: [Count]
        let parents: [Count]
        let av: Grid
    }

    static func json<T: Decodable>(_ type: T.Type, _ uri: String, _ client: any TestClientProtocol,
                                   file: StaticString = #filePath, line: UInt = #line) async throws -> T {
        let response = try await client.execute(uri: uri, method: .get)
        XCTAssertEqual(response.status, .ok, uri, file: file, line: line)
        XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8", file: file, line: line)
        return try JSONDecoder().decode(T.self, from: Data(buffer: response.body))
    }

    /// The same filters as URL parameters and as CLI flags give the same tracks in the same order.
    func testPlaylistEndpointListsWhatTheCLIPlaylistLists() async throws {
        let queries: [[(String, String)]] = [
            [("bpm", "120-128")],
            [("dance", "0.4-"), ("sort", "bpm"), ("order", "desc")],
            [("style", "Electronic---Drum n Bass"), ("style", "Filler---Style 30"), ("activation", "0.5")],
            [("arousal", "3-"), ("loudness", "-20--8"), ("n", "4")],
            [("scale", "minor"), ("sort", "loudness")],
        ]
        let dbPath = fixture.store.path
        try await withServer { client in
            for query in queries {
                let uri = "/api/playlist?" + query.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" }
                    .joined(separator: "&")
                let slice = try await Self.json(Slice.self, uri, client)
                let output = self.directory.appendingPathComponent("cli.m3u8")
                let cli = try TonearmCLI.run(["playlist", "--db", dbPath, "-o", output.path]
                    + query.flatMap { ["\($0 == "n" ? "-" : "--")\($0)", $1] })
                XCTAssertEqual(cli.status, 0, cli.stderr)
                let cliPaths = try M3U8Reader.entries(Data(contentsOf: output)).map(\.path)
                let apiPaths = try slice.rows.map { try XCTUnwrap(self.fixture.store.track(id: $0.id)).path }
                XCTAssertFalse(apiPaths.isEmpty, "\(query) matches something, so the comparison means something")
                XCTAssertEqual(apiPaths, cliPaths, "\(query)")
                XCTAssertTrue(cli.stdout.hasPrefix("\(slice.total) of 12 tracks match"), cli.stdout)
                XCTAssertEqual(slice.rows.map(\.rank), Array(1...slice.rows.count))
                XCTAssertEqual(slice.rowsHtml.components(separatedBy: "<tr data-track-id=").count - 1, slice.rows.count)
                XCTAssertEqual(slice.matched["bpm"]?.reduce(0, +), slice.total, "every match is in the histogram, beyond n too")
            }
        }
    }

    func testOffsetAndCountSliceThePlaylistAndBadInputIsAJSONError() async throws {
        try await withServer { client in
            let whole = try await Self.json(Slice.self, "/api/playlist?sort=bpm", client)
            let part = try await Self.json(Slice.self, "/api/playlist?sort=bpm&offset=3&count=4", client)
            XCTAssertEqual(whole.rows.count, 12)
            XCTAssertEqual(part.rows.map(\.id), Array(whole.rows[3..<7].map(\.id)))
            XCTAssertEqual(part.rows.map(\.rank), [4, 5, 6, 7])
            XCTAssertEqual([part.total, part.trackCount, part.offset, part.count], [12, 12, 3, 4])
            XCTAssertEqual(part.link, "/?sort=bpm")
            XCTAssertEqual(part.m3u8, "/playlist.m3u8?sort=bpm")
            XCTAssertEqual(part.keySource, "shown key (fused)")
            XCTAssertEqual(part.rows.first?.audio, "/audio/\(part.rows[0].id)")
            for bad in ["/api/playlist?bpm=fast", "/api/playlist?count=501", "/api/playlist?offset=-1", "/api/playlist?tempo=1"] {
                let response = try await client.execute(uri: bad, method: .get)
                XCTAssertEqual(response.status, .badRequest, bad)
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: String]
                XCTAssertFalse(body?["error"]?.isEmpty ?? true, bad)
            }
        }
    }

    func testCollectionFactsCountLikeTheFilters() async throws {
        try await withServer { client in
            let facts = try await Self.json(Facts.self, "/api/collection", client)
            XCTAssertEqual(facts.trackCount, 12)
            XCTAssertEqual(facts.state, AnalysisCounts(analyzed: 12, pending: 0, failed: 0))
            XCTAssertTrue(facts.bpmSource.contains("shown BPM"))
            XCTAssertEqual(facts.ranges["bpm"]?.min, WebFixture.specs.map(\.bpm).min())
            XCTAssertEqual(facts.ranges["bpm"]?.max, WebFixture.specs.map(\.bpm).max())
            for (name, range) in facts.ranges {
                XCTAssertEqual(range.bins.count, 40, name)
                XCTAssertEqual(range.bins.reduce(0, +), 12, name)
            }
            XCTAssertEqual(facts.av.grid.count, facts.av.size * facts.av.size)
            XCTAssertEqual(facts.av.grid.reduce(0, +), 12)
            // A style's count is what choosing it at the default activation gives.
            let dnb = try XCTUnwrap(facts.styles.first { $0.name == "Electronic---Drum n Bass" })
            let chosen = try await Self.json(Slice.self, "/api/playlist?style=Electronic---Drum%20n%20Bass", client)
            XCTAssertEqual(dnb.count, chosen.total)
            XCTAssertGreaterThan(dnb.count, 0)
            XCTAssertEqual(facts.styles.first?.count, facts.styles.map(\.count).max(), "most carried first")
            let electronic = try XCTUnwrap(facts.parents.first { $0.name == "Electronic" })
            XCTAssertGreaterThanOrEqual(electronic.count, dnb.count)
            // A parent genre counts the tracks carrying any of its styles.
            let electronicStyles = facts.styles.filter { $0.name.hasPrefix("Electronic---") && $0.count > 0 }
            XCTAssertGreaterThan(electronicStyles.count, 1)
            let query = electronicStyles.map { "style=" + $0.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }
            let anyElectronic = try await Self.json(Slice.self, "/api/playlist?" + query.joined(separator: "&"), client)
            XCTAssertEqual(electronic.count, anyElectronic.total)
        }
    }

    /// 250 tracks: the page sends 100 rows, `page=` links page through the rest, the M3U8 keeps all.
    func testPlaylistPageIsPagedWithoutJavaScript() async throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("many.sqlite").path)
        for index in 0..<250 {
            try builder.addTrack(path: String(format: "/music/track%03d.mp3", index), bpm: 100 + Double(index) / 10)
        }
        try await withServer(store: builder.store) { client in
            func html(_ uri: String) async throws -> String {
                let response = try await client.execute(uri: uri, method: .get)
                XCTAssertEqual(response.status, .ok, uri)
                return String(buffer: response.body)
            }
            func rows(_ page: String) -> [String] {
                page.components(separatedBy: "<tr data-track-id=").dropFirst().map { String($0.prefix(200)) }
            }
            let first = try await html("/?sort=bpm")
            XCTAssertEqual(rows(first).count, 100)
            XCTAssertTrue(first.contains("<strong>250</strong> of 250 tracks match"))
            XCTAssertTrue(first.contains("href=\"/?sort=bpm&amp;page=2\" rel=\"next\"") || first.contains("href=\"/?sort=bpm&page=2\" rel=\"next\""), first)
            XCTAssertFalse(first.contains("rel=\"prev\""))
            XCTAssertEqual(first.components(separatedBy: "<audio").count - 1, 1, "no player per row: the one queue player plays them")
            let last = try await html("/?sort=bpm&page=3")
            XCTAssertEqual(rows(last).count, 50)
            XCTAssertTrue(rows(last)[0].contains("<td>201</td>"), rows(last)[0])
            XCTAssertTrue(rows(last)[49].contains("track249.mp3"), rows(last)[49])
            XCTAssertTrue(last.contains("Rows 201–250 of 250"))
            XCTAssertFalse(last.contains("rel=\"next\""))
            let canonical = try await client.execute(uri: "/?page=1&bpm=", method: .get)
            XCTAssertEqual(canonical.status, .seeOther)
            XCTAssertEqual(canonical.headers[.location], "/")
            let bad = try await client.execute(uri: "/?page=0", method: .get)
            XCTAssertEqual(bad.status, .badRequest)
            let download = try await client.execute(uri: "/playlist.m3u8?sort=bpm", method: .get)
            XCTAssertEqual(try M3U8Reader.entries(Data(buffer: download.body)).count, 250)
        }
    }
}
