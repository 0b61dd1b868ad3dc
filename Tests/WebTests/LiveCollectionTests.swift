import Foundation
import HummingbirdTesting
import TestSupport
import TrackStore
import Users
import XCTest

/// `serve` follows the store while another connection commits to it, as a concurrent `analyze` does.
final class LiveCollectionTests: LiveAppTestCase {
    func testTracksCommittedElsewhereAppearWithoutRestart() async throws {
        let storePath = fixture.store.path
        let newPath = directory.appendingPathComponent("late arrival.mp3").path
        try UserDirectory(store: fixture.store).add(name: "ann", password: "s3cret pass")
        try await withServer { client in
            let before = try await PlaylistAPITests.json(PlaylistAPITests.Facts.self, "/api/collection", client)
            XCTAssertEqual(before.trackCount, 12)
            let subsonicBefore = try await self.subsonicSongIds(client)
            XCTAssertEqual(subsonicBefore.count, 12)

            // Another connection, as `tonearm analyze` in another process would have: one analyzed track, one pending.
            let elsewhere = try StoreBuilder(path: storePath)
            let newId = try elsewhere.addTrack(path: newPath, bpm: 200)
            try elsewhere.store.applyScan(added: [FoundFile(path: "/music/not yet.mp3", size: 1, mtime: 1)],
                                          changed: [], reappeared: [], vanished: [])

            let after = try await self.waitForVersion(after: before.version, client)
            XCTAssertEqual(after.trackCount, 13)
            XCTAssertEqual(after.state, AnalysisCounts(analyzed: 13, pending: 1, failed: 0))
            let fast = try await PlaylistAPITests.json(PlaylistAPITests.Slice.self, "/api/playlist?bpm=190-", client)
            XCTAssertEqual(fast.rows.map(\.id), [newId])
            let page = String(buffer: try await client.execute(uri: "/similar", method: .get).body)
            XCTAssertTrue(page.contains("13 analyzed · 1 pending · 0 failed"), "every page's header")
            let subsonicAfter = try await self.subsonicSongIds(client)
            XCTAssertEqual(subsonicAfter, subsonicBefore.union([String(newId)]), "Subsonic players see it too")
        }
    }

    /// Every song the Subsonic API lists (an empty search3 lists all).
    private func subsonicSongIds(_ client: any TestClientProtocol) async throws -> Set<String> {
        let uri = "/rest/search3?u=ann&p=s3cret%20pass&v=1.16.1&c=test&f=json&query=&songCount=500&albumCount=0&artistCount=0"
        let body = try await client.execute(uri: uri, method: .get).body
        let reply = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
        let response = reply?["subsonic-response"] as? [String: Any]
        let songs = (response?["searchResult3"] as? [String: Any])?["song"] as? [[String: Any]] ?? []
        XCTAssertEqual(response?["status"] as? String, "ok", "\(response ?? [:])")
        return Set(songs.compactMap { $0["id"] as? String })
    }

    /// The reload runs off the request path, so the test waits (30 s at most) for the new version.
    private func waitForVersion(after version: Int, _ client: any TestClientProtocol) async throws -> PlaylistAPITests.Facts {
        for _ in 0..<300 {
            let facts = try await PlaylistAPITests.json(PlaylistAPITests.Facts.self, "/api/collection", client)
            // The two commits may land in one reload or two; wait for both.
            if facts.version > version && facts.state.pending == 1 { return facts }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw NeverReloaded()
    }

    private struct NeverReloaded: Error {}
}
