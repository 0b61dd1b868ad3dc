import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Web
import XCTest

/// M3U8 downloads from the live app, parsed back.
final class DownloadTests: LiveAppTestCase {
    func testPlaylistDownloadHoldsTheWholeResultWithAwkwardPathsIntact() async throws {
        let expected = try ["unicode", "script", "voxel"].map { try fixture.path($0) }
        try await withServer { client in
            let response = try await client.execute(uri: "/playlist.m3u8?bpm=120-128&sort=bpm", method: .get)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "audio/x-mpegurl; charset=utf-8")
            XCTAssertEqual(response.headers[.contentDisposition], "attachment; filename=\"tonearm-playlist.m3u8\"")
            let entries = try M3U8Reader.entries(Data(buffer: response.body))
            XCTAssertEqual(entries.map(\.path), expected)
            XCTAssertEqual(entries.first, .init(seconds: 184, title: "Ünïcödé 日本 beat.mp3", path: expected[0]))
            XCTAssertTrue(entries.allSatisfy { $0.path.hasPrefix("/") })
        }
    }

    func testSimilarDownloadHoldsTheTopTenOfTheChosenEmbedding() async throws {
        let ids = fixture.ids
        let vibe = ids["vibe"]!
        let expected = try WebFixture.specs.map(\.name).dropFirst().reversed().prefix(10).map { try fixture.path($0) }
        try await withServer { client in
            let response = try await client.execute(uri: "/similar.m3u8?track=\(vibe)&by=musicnn", method: .get)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentDisposition], "attachment; filename=\"tonearm-similar-musicnn.m3u8\"")
            XCTAssertEqual(try M3U8Reader.entries(Data(buffer: response.body)).map(\.path), expected)
        }
    }
}
