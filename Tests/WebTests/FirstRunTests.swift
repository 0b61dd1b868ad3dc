import Foundation
import HummingbirdTesting
import TestSupport
import TrackStore
import XCTest

/// A first run where the Discogs-EffNet download failed: the store has the style names (from the models'
/// metadata) and MusiCNN, but no track has EffNet's embedding or styles. The pages say so instead of
/// drawing an empty map and 400 styles that match nothing.
final class FirstRunTests: LiveAppTestCase {
    private func storeWithoutEffnet() throws -> TrackStore {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("no-effnet.sqlite").path)
        try builder.saveStyleLabels()
        for (index, name) in ["a", "b", "c"].enumerated() {
            try builder.addTrack(path: "/music/\(name).mp3", title: name, musicnnEmbedding: WebFixture.direction(Double(index) * 40))
        }
        return builder.store
    }

    func testTheMapOpensOnAnEmbeddingThatExistsAndNamesTheMissingOne() async throws {
        try await withServer(store: try storeWithoutEffnet()) { client in
            let html = try await self.page("/map", client)
            XCTAssertTrue(html.contains("<option value=\"musicnn\" selected>musicnn</option>"), html)
            XCTAssertTrue(html.contains("<option value=\"effnet\">effnet (none stored)</option>"), html)
            XCTAssertTrue(html.contains("id=\"map-missing\">No track has effnet embeddings"), html)
            XCTAssertTrue(html.contains("<code>tonearm models fetch</code>"))
            XCTAssertTrue(html.contains("<strong id=\"map-count\">3</strong>"), html)
            let map = try await MapTests.map(client, by: "musicnn")
            XCTAssertEqual(map.count, 3)
            let response = try await client.execute(uri: "/api/map", method: .get)
            XCTAssertEqual(try JSONDecoder().decode(MapTests.Map.self, from: Data(buffer: response.body)).by, "musicnn")
        }
    }

    func testTheStylesPanelSaysThereIsNoStyleModel() async throws {
        try await withServer(store: try storeWithoutEffnet()) { client in
            let html = try await self.page("/", client)
            XCTAssertTrue(html.contains("<strong>3</strong> of 3 tracks match"), html)
            XCTAssertTrue(html.contains("id=\"no-styles\">No style model"), html)
            XCTAssertTrue(html.contains("<code>tonearm models fetch</code>"))
            XCTAssertFalse(html.contains("id=\"styles\""), "no list of styles nothing has")
        }
    }

    func testWithEffnetNothingIsMissing() async throws {
        try await withServer { client in
            let map = try await self.page("/map", client)
            XCTAssertTrue(map.contains("<option value=\"effnet\" selected>effnet</option>"), map)
            XCTAssertFalse(map.contains("map-missing"))
            let playlists = try await self.page("/", client)
            XCTAssertTrue(playlists.contains("id=\"styles\""))
            XCTAssertFalse(playlists.contains("no-styles"))
        }
    }

    /// Previous and next were U+23EE and U+23ED, which many system fonts lack (an empty box in their place).
    func testThePlayerButtonsNeedNoSymbolFont() async throws {
        try await withServer { client in
            for uri in ["/", "/similar?track=\(self.fixture.ids["dnb"]!)"] {
                let html = try await self.page(uri, client)
                XCTAssertTrue(html.contains("id=\"queue-previous\""), uri)
                for button in ["queue-previous", "queue-next"] {
                    let markup = try XCTUnwrap(html.components(separatedBy: "id=\"\(button)\"").dropFirst().first?
                        .components(separatedBy: "</button>").first, button)
                    XCTAssertTrue(markup.contains("<svg"), markup)
                }
                let miscellaneousTechnical = html.unicodeScalars.filter { (0x2300...0x23FF).contains($0.value) }
                XCTAssertEqual(String(String.UnicodeScalarView(miscellaneousTechnical)), "", uri)
            }
        }
    }
}
