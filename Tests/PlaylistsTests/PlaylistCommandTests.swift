import Foundation
import TestSupport
import XCTest

/// `tonearm playlist` and `tonearm similar` as a user runs them: the built executable over a
/// handcrafted store.
final class PlaylistCommandTests: TemporaryDirectoryTestCase {
    var storePath: String!

    override func setUpWithError() throws {
        try super.setUpWithError()
        storePath = directory.appendingPathComponent("s.sqlite").path
        let builder = try StoreBuilder(path: storePath)
        try builder.saveStyleLabels()
        let house = StyleFixture.activations(["Electronic---House": 0.9])
        // Five house tracks from 118 to 130 BPM, each a step farther from the first by both embeddings.
        for step in 0..<5 {
            let angle = Float(step) * 0.2
            try builder.addTrack(path: "/music/house \(step) – é.mp3", duration: 200, bpm: 118 + Double(step) * 3,
                                 loudness: -6 - Double(step) * 4, styles: house, voice: step == 2 ? 0.9 : 0.1,
                                 danceability: 0.5 + Double(step) / 10, effnetEmbedding: [cos(angle), sin(angle)],
                                 musicnnEmbedding: [cos(angle), sin(angle)])
        }
    }

    func testPlaylistPrintsTheMatchesAndWritesTheM3U8() throws {
        let file = directory.appendingPathComponent("house.m3u8")
        let result = try TonearmCLI.run(["playlist", "--db", storePath, "--style", "Electronic---House", "--bpm", "120-128",
                                         "--voice", "instrumental", "--dance", "0.6-", "-n", "50", "-o", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("2 of 5 tracks match (key: shown)\n"), result.stdout)
        XCTAssertEqual(result.stderr, "wrote 2 tracks to \(file.path)\n")
        XCTAssertEqual(try M3U8Reader.entries(Data(contentsOf: file)),
                       [.init(seconds: 200, title: "house 1 – é.mp3", path: "/music/house 1 – é.mp3"),
                        .init(seconds: 200, title: "house 3 – é.mp3", path: "/music/house 3 – é.mp3")])
    }

    func testNegativeRangesAreValuesNotOptions() throws {
        let result = try TonearmCLI.run(["playlist", "--db", storePath, "--loudness", "-15--9", "--sort", "loudness"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("2 of 5 tracks match"), result.stdout)
        XCTAssertTrue(result.stdout.contains("-14.0"), result.stdout)
        XCTAssertTrue(result.stdout.contains("-10.0"), result.stdout)
    }

    func testWrongQueryIsOneReadableLine() throws {
        let result = try TonearmCLI.run(["playlist", "--db", storePath, "--bpm", "fast"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "Error: bpm: expected a range like 120-128, 0.6- or -0.3, got 'fast'\n")
    }

    func testSimilarListsTheNearestTracksByPathOrId() throws {
        let file = directory.appendingPathComponent("near.m3u8")
        let byPath = try TonearmCLI.run(["similar", "--db", storePath, "/music/house 0 – é.mp3", "--by", "musicnn",
                                         "-n", "3", "-o", file.path])
        XCTAssertEqual(byPath.status, 0, byPath.stderr)
        XCTAssertTrue(byPath.stdout.hasPrefix("Nearest to house 0 – é.mp3 (/music/house 0 – é.mp3) by musicnn:"), byPath.stdout)
        XCTAssertEqual(try M3U8Reader.entries(Data(contentsOf: file)).map(\.path),
                       ["/music/house 1 – é.mp3", "/music/house 2 – é.mp3", "/music/house 3 – é.mp3"])
        let byId = try TonearmCLI.run(["similar", "--db", storePath, "5", "-n", "1"])
        XCTAssertEqual(byId.status, 0, byId.stderr)
        let row = byId.stdout.split(separator: "\n")[2]
        XCTAssertTrue(row.hasPrefix("1  0.980 ") && row.contains("house 3 – é.mp3"), byId.stdout)
        let unknown = try TonearmCLI.run(["similar", "--db", storePath, "/music/nope.mp3"])
        XCTAssertEqual(unknown.stderr, "Error: no analyzed track with id or path '/music/nope.mp3'\n")
    }

    func testEmptyStoreExplainsInsteadOfListingNothing() throws {
        let path = directory.appendingPathComponent("empty.sqlite").path
        _ = try StoreBuilder(path: path)
        let result = try TonearmCLI.run(["playlist", "--db", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "playlist: the store has no analyzed tracks: run `tonearm analyze <music folder>` first\n")
    }
}
