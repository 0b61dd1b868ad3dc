import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Web
import XCTest

/// The similar page's filters and the song path page, on the live app over the fixture store.
final class SimilarFilterAndPathTests: LiveAppTestCase {
    private func body(_ uri: String, _ client: any TestClientProtocol) async throws -> String {
        let response = try await client.execute(uri: uri, method: .get)
        XCTAssertEqual(response.status, .ok, uri)
        return String(buffer: response.body)
    }

    /// Tracks whose player appears in `html`, in page order (each track's player once per list).
    private func players(in html: String) -> [Int64] {
        html.components(separatedBy: "src=\"/audio/").dropFirst().compactMap { Int64($0.prefix { $0.isNumber }) }
    }

    func testFiltersNarrowTheNeighboursBeforeTheCut() async throws {
        let ids = fixture.ids
        try await withServer { client in
            // Only three other tracks run at 120-130 BPM; by EffNet they are the three nearest after vibe anyway,
            // by MusiCNN the three farthest: both lists must hold exactly them.
            let html = try await self.body("/similar?track=\(ids["vibe"]!)&bpm=120-130&voice=any&key=", client)
            let expected = ["unicode", "script", "voxel"].map { ids[$0]! }
            XCTAssertEqual(self.players(in: html), [ids["vibe"]!] + expected + expected.reversed(), html)
            XCTAssertTrue(html.contains("value=\"120-130\""), "the form keeps the filter")
            let download = try await client.execute(uri: "/similar.m3u8?track=\(ids["vibe"]!)&by=effnet&bpm=120-130", method: .get)
            XCTAssertEqual(try M3U8Reader.entries(Data(buffer: download.body)).map(\.path),
                           try ["unicode", "script", "voxel"].map { try self.fixture.path($0) })
            XCTAssertTrue(html.contains("/similar.m3u8?track=\(ids["vibe"]!)&amp;by=effnet&amp;bpm=120-130"), "the link keeps the filter")
        }
    }

    func testThePathPageFindsEndsAndShowsThePath() async throws {
        let ids = fixture.ids
        try await withServer { client in
            let start = try await self.body("/path?q=vibe+ace", client)
            XCTAssertTrue(start.contains("href=\"/path?from=\(ids["vibe"]!)&amp;by=effnet&amp;n=12\""), start)
            let end = try await self.body("/path?from=\(ids["vibe"]!)&q=danse", client)
            XCTAssertTrue(end.contains("href=\"/path?from=\(ids["vibe"]!)&amp;to=\(ids["danse"]!)&amp;by=effnet&amp;n=12\""), end)
            // EffNet angles 0°, 10°, … 110°: four tracks from 0° to 110° pass nearest 36.7° and 73.3°.
            let path = try await self.body("/path?from=\(ids["vibe"]!)&to=\(ids["danse"]!)&by=effnet&n=4", client)
            XCTAssertEqual(self.players(in: path), ["vibe", "dnb", "voxel", "danse"].map { ids[$0]! }, path)
            // The fixture's vectors are not planar, so only the progress is round.
            XCTAssertTrue(path.contains("Smoothness: largest step ") && path.contains("progress 100%"), path)
            let download = try await client.execute(uri: "/path.m3u8?from=\(ids["vibe"]!)&to=\(ids["danse"]!)&by=effnet&n=4", method: .get)
            XCTAssertEqual(try M3U8Reader.entries(Data(buffer: download.body)).map(\.path),
                           try ["vibe", "dnb", "voxel", "danse"].map { try self.fixture.path($0) })
            let tooLong = try await client.execute(uri: "/path?from=\(ids["vibe"]!)&to=\(ids["danse"]!)&n=500", method: .get)
            XCTAssertEqual(tooLong.status, .badRequest)
        }
    }
}
