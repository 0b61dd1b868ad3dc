import Foundation
import Playlists
import TestSupport
import TrackStore
import XCTest

final class PlaylistEngineTests: TemporaryDirectoryTestCase {
    var engine: PlaylistEngine!

    /// Six tracks whose descriptors make every filter select a different subset.
    override func setUpWithError() throws {
        try super.setUpWithError()
        let builder = try StoreBuilder(path: directory.appendingPathComponent("s.sqlite").path)
        try builder.saveStyleLabels()
        let aMinor = KeyEstimate(key: "A", scale: "minor", strength: 0.9)
        let emotion: [Float] = [1, 2, 3]
        try builder.addTrack(path: "/m/house.mp3", artist: "DJ A", title: "Warehouse", bpm: 124, key: aMinor,
                             loudness: -8, styles: StyleFixture.activations(["Electronic---House": 0.9]),
                             voice: 0.1, danceability: 0.9, musicnnEmbedding: emotion, valence: 6, arousal: 7)
        try builder.addTrack(path: "/m/deephouse.mp3", bpm: 122, key: KeyEstimate(key: "A", scale: "minor", strength: 0.4),
                             loudness: -12,
                             styles: StyleFixture.activations(["Electronic---House": 0.5, "Electronic---Techno": 0.6]),
                             voice: 0.7, danceability: 0.7, musicnnEmbedding: emotion, valence: 5, arousal: 6)
        try builder.addTrack(path: "/m/punk.mp3", bpm: 180, key: KeyEstimate(key: "E", scale: "major", strength: 0.7),
                             loudness: -6, styles: StyleFixture.activations(["Rock---Punk": 0.95]),
                             voice: 0.9, danceability: 0.3, musicnnEmbedding: emotion, valence: 3, arousal: 8.5)
        try builder.addTrack(path: "/m/ballad.mp3", bpm: 70,
                             keys: [.temperley: KeyEstimate(key: "C", scale: "major", strength: 0.6),
                                    .krumhansl: KeyEstimate(key: "C", scale: "major", strength: 0.6),
                                    .edma: KeyEstimate(key: "A", scale: "minor", strength: 0.5)],
                             loudness: -20, styles: StyleFixture.activations(["Jazz---Bop": 0.4]),
                             voice: 0.6, danceability: 0.1, musicnnEmbedding: emotion, valence: 7, arousal: 2)
        try builder.addTrack(path: "/m/ambient.wav", bpm: 90, key: KeyEstimate(key: "Gb", scale: "minor", strength: 0.2),
                             loudness: -30, styles: StyleFixture.activations(["Electronic---House": 0.05]),
                             voice: 0.05, danceability: 0.2, musicnnEmbedding: emotion, valence: 4, arousal: 3)
        try builder.addTrack(path: "/m/silence.wav", bpm: nil)
        engine = try Catalog.load(from: builder.store).playlists
    }

    private func names(_ parameters: [(String, String)]) throws -> [String] {
        try engine.run(PlaylistQuery(parameters: parameters)).entries.map { ($0.track.path as NSString).lastPathComponent }
    }

    func testNoFilterListsEveryTrackByName() throws {
        // house.mp3 is shown as "DJ A - Warehouse", which sorts after "deephouse.mp3".
        XCTAssertEqual(try names([]), ["ambient.wav", "ballad.mp3", "deephouse.mp3", "house.mp3", "punk.mp3", "silence.wav"])
    }

    func testStyleFilterKeepsActivationAtLeastTheMinimumAndRanksByIt() throws {
        XCTAssertEqual(try names([("style", "Electronic---House")]), ["house.mp3", "deephouse.mp3"])
        XCTAssertEqual(try names([("style", "Electronic---House"), ("activation", "0.7")]), ["house.mp3"])
        XCTAssertEqual(try names([("style", "Electronic---House"), ("activation", "0")]),
                       ["house.mp3", "deephouse.mp3", "ambient.wav", "ballad.mp3", "punk.mp3"])
    }

    func testSeveralStylesMatchAnyOfThemAndRankByTheStrongest() throws {
        let result = try engine.run(PlaylistQuery(parameters: [("style", "Electronic---Techno"), ("style", "Rock---Punk"),
                                                               ("style", "Electronic---House")]))
        XCTAssertEqual(result.entries.map(\.track.path), ["/m/punk.mp3", "/m/house.mp3", "/m/deephouse.mp3"])
        XCTAssertEqual(result.entries.map { $0.styleScore! }, [0.95, 0.9, 0.6].map { Double(Float($0)) })
    }

    func testTempoRange() throws {
        XCTAssertEqual(try names([("bpm", "120-128")]), ["deephouse.mp3", "house.mp3"])
        XCTAssertEqual(try names([("bpm", "-90")]), ["ambient.wav", "ballad.mp3"])
    }

    func testVoiceSplitsAtOneHalfAndSkipsTracksWithoutTheHead() throws {
        XCTAssertEqual(try names([("voice", "vocal")]), ["ballad.mp3", "deephouse.mp3", "punk.mp3"])
        XCTAssertEqual(try names([("voice", "instrumental")]), ["ambient.wav", "house.mp3"])
    }

    func testDanceArousalValenceAndLoudnessRanges() throws {
        XCTAssertEqual(try names([("dance", "0.6-")]), ["deephouse.mp3", "house.mp3"])
        XCTAssertEqual(try names([("arousal", "7-")]), ["house.mp3", "punk.mp3"])
        XCTAssertEqual(try names([("valence", "-4")]), ["ambient.wav", "punk.mp3"])
        XCTAssertEqual(try names([("loudness", "-10-")]), ["house.mp3", "punk.mp3"])
        XCTAssertEqual(try names([("loudness", "-25--10")]), ["ballad.mp3", "deephouse.mp3"])
    }

    func testKeyAndScaleUnderTheChosenProfile() throws {
        XCTAssertEqual(try names([("key", "A"), ("scale", "minor")]), ["deephouse.mp3", "house.mp3"])
        XCTAssertEqual(try names([("scale", "minor")]), ["ambient.wav", "deephouse.mp3", "house.mp3"])
        XCTAssertEqual(try names([("key", "F#")]), ["ambient.wav"], "Gb and F# are the same tonic")
        XCTAssertEqual(try names([("key", "A"), ("scale", "minor"), ("profile", "edma")]),
                       ["ballad.mp3", "deephouse.mp3", "house.mp3"])
    }

    func testFiltersCombineWithAnd() throws {
        XCTAssertEqual(try names([("style", "Electronic---House"), ("bpm", "120-128"), ("voice", "instrumental"),
                                  ("dance", "0.6-")]), ["house.mp3"])
        XCTAssertEqual(try names([("voice", "vocal"), ("arousal", "5-")]), ["deephouse.mp3", "punk.mp3"])
    }

    func testImpossibleQueryGivesAnEmptyResult() throws {
        let result = try engine.run(PlaylistQuery(parameters: [("bpm", "300-")]))
        XCTAssertTrue(result.entries.isEmpty)
        XCTAssertEqual(result.totalMatches, 0)
    }

    func testSortEitherWayKeepsTracksWithoutTheDescriptorLast() throws {
        XCTAssertEqual(try names([("sort", "bpm")]),
                       ["ballad.mp3", "ambient.wav", "deephouse.mp3", "house.mp3", "punk.mp3", "silence.wav"])
        XCTAssertEqual(try names([("sort", "bpm"), ("order", "desc")]),
                       ["punk.mp3", "house.mp3", "deephouse.mp3", "ambient.wav", "ballad.mp3", "silence.wav"])
        XCTAssertEqual(try names([("sort", "valence"), ("order", "desc")]).first, "ballad.mp3")
        XCTAssertEqual(try names([("style", "Electronic---House"), ("order", "asc")]), ["deephouse.mp3", "house.mp3"])
    }

    func testLimitCutsTheListButCountsEveryMatch() throws {
        let result = try engine.run(PlaylistQuery(parameters: [("sort", "dance"), ("order", "desc"), ("n", "2")]))
        XCTAssertEqual(result.entries.map(\.track.path), ["/m/house.mp3", "/m/deephouse.mp3"])
        XCTAssertEqual(result.totalMatches, 6)
    }

    func testUnknownStyleIsAnError() {
        XCTAssertThrowsError(try engine.run(PlaylistQuery(parameters: [("style", "Electronic---Hose")]))) { error in
            XCTAssertEqual(error as? QueryError, .unknownStyle("Electronic---Hose"))
        }
    }
}
