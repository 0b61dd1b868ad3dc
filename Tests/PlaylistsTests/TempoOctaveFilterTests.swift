import Foundation
import GRDB
import Playlists
import TestSupport
import TrackStore
import XCTest

/// The BPM filter's explicit option to match a track by its other octave where the shown tempo's
/// octave is uncertain (docs/tempo-and-key.md).
final class TempoOctaveFilterTests: TemporaryDirectoryTestCase {
    func testAnUncertainOctaveMatchesByItsAlternativeOnlyWhenAsked() throws {
        let path = directory.appendingPathComponent("s.sqlite").path
        let builder = try StoreBuilder(path: path)
        let unsure = try builder.addTrack(path: "/m/unsure.mp3", bpm: 85, tempoCNN: 170)
        let sure = try builder.addTrack(path: "/m/sure.mp3", bpm: 128, tempoCNN: 128)
        // The decision runs with the evidence group; the two tracks are TempoDecisionTests' unsure and sure cases.
        try builder.store.dbPool.write { db in
            try db.execute(sql: "UPDATE signal_features SET bpmConfidence = 1 WHERE trackId = ?", arguments: [unsure])
            try db.execute(sql: "UPDATE tempocnn_features SET localAgreement = 0.3 WHERE trackId = ?", arguments: [unsure])
            try EvidenceFeatures(trackId: unsure, danceabilityDsp: 1, beatMedianBpm: 85, beatPeaks: [(bpm: 85, weight: 0.5), (bpm: 170, weight: 0.2)],
                                 tuningHz: 440, keys: [:], provenance: "test").insert(db)
            try EvidenceFeatures(trackId: sure, danceabilityDsp: 1.8, beatMedianBpm: 128, beatPeaks: [(bpm: 128, weight: 0.8)],
                                 tuningHz: 440, keys: [:], provenance: "test").insert(db)
            try db.execute(sql: "UPDATE shown_descriptors SET ruleVersion = 0")
        }
        let store = try TrackStore(path: path)  // a writable open recomputes the shown descriptors
        let shown = Dictionary(uniqueKeysWithValues: try store.descriptors().map { ($0.track.path, $0.shown) })
        XCTAssertEqual(shown["/m/unsure.mp3"]??.bpm, 170, "0.338 against 0.190 for 85")
        XCTAssertEqual(shown["/m/unsure.mp3"]??.bpmAlternative, 85)
        XCTAssertEqual(shown["/m/sure.mp3"]??.bpm, 128)
        XCTAssertNil(shown["/m/sure.mp3"]??.bpmAlternative)

        let engine = try Catalog.load(from: store).playlists
        func paths(_ parameters: [(String, String)]) throws -> [String] {
            try engine.run(PlaylistQuery(parameters: parameters)).entries.map(\.track.path)
        }
        XCTAssertEqual(try paths([("bpm", "80-90")]), [], "off by default")
        XCTAssertEqual(try paths([("bpm", "80-90"), ("bpm-octaves", "on")]), ["/m/unsure.mp3"])
        XCTAssertEqual(try paths([("bpm", "160-180"), ("bpm-octaves", "on")]), ["/m/unsure.mp3"], "its shown tempo still matches")
        XCTAssertEqual(try paths([("bpm", "60-70"), ("bpm-octaves", "on")]), [], "a sure octave is never matched by its half")
        XCTAssertEqual(try paths([("bpm", "120-130"), ("bpm-octaves", "off")]), ["/m/sure.mp3"])
        XCTAssertEqual(try PlaylistQuery(parameters: [("bpm-octaves", "on")]).parameters.map(\.value), ["on"])
        XCTAssertThrowsError(try PlaylistQuery(parameters: [("bpm-octaves", "maybe")]))
    }
}
