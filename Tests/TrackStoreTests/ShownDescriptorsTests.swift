import Foundation
import GRDB
import TestSupport
import TrackStore
import XCTest

/// Which stored estimates the shown descriptors are decided from, and that they follow what is stored.
final class ShownDescriptorsTests: TemporaryDirectoryTestCase {
    private func signal(bpm: Double, confidence: Double = 3.5, key: KeyEstimate) -> SignalFeatures {
        SignalFeatures(trackId: 1, bpm: bpm, bpmConfidence: confidence,
                       keys: Dictionary(uniqueKeysWithValues: KeyProfile.allCases.map { ($0, key) }),
                       loudnessLufs: -14, loudnessRangeLu: 5, provenance: "test")
    }

    private func evidence(key: KeyEstimate, dsp: Double = 1.5) -> EvidenceFeatures {
        EvidenceFeatures(trackId: 1, danceabilityDsp: dsp, beatMedianBpm: 0, beatPeaks: [],
                         tuningHz: 440, keys: Dictionary(uniqueKeysWithValues: EvidenceFeatures.extraProfiles.map { ($0, key) }),
                         provenance: "test")
    }

    func testTheDecisionReadsTheStoredGroups() {
        let g = KeyEstimate(key: "G", scale: "minor", strength: 0.8), fSharp = KeyEstimate(key: "F#", scale: "minor", strength: 0.7)
        let shown = ShownDescriptors(trackId: 1, signal: signal(bpm: 70, key: g),
                                     tempoCNN: TempoCNNFeatures(trackId: 1, bpm: 140, localAgreement: 1, provenance: "test"),
                                     evidence: evidence(key: fSharp), effnetDanceability: nil)
        XCTAssertEqual(shown.bpm, 140, "TempoDecisionTests' first case, through the stored groups")
        XCTAssertEqual(shown.bpmDecidedBy, "tempocnn")
        XCTAssertNil(shown.bpmAlternative)
        XCTAssertEqual(shown.keyClass, KeyClass(key: "F#", scale: "minor"), "G minor by temperley, F# minor by bgate and shaath")
        XCTAssertEqual(shown.keyDecidedBy, "bgate", "the committed fit never overrules bgate")
        XCTAssertEqual(shown.keyConfidence ?? 0, 0.4343, accuracy: 5e-4)
        XCTAssertEqual(shown.danceability, 0.5, "DSP Danceability 1.5 of 3 without the EffNet head")
        XCTAssertEqual(shown.danceabilitySource, "dsp")
    }

    func testWithoutTheEvidenceGroupTheBestStoredEstimatesAreShown() {
        let c = KeyEstimate(key: "C", scale: "major", strength: 0.6)
        let shown = ShownDescriptors(trackId: 1, signal: signal(bpm: 128, key: c), tempoCNN: nil, evidence: nil,
                                     effnetDanceability: 0.9)
        XCTAssertEqual(shown.bpm, 128)
        XCTAssertEqual(shown.bpmDecidedBy, "re2013 (incomplete inputs)")
        XCTAssertEqual(shown.keyClass, KeyClass(key: "C", scale: "major"))
        XCTAssertEqual(shown.keyDecidedBy, "krumhansl (incomplete inputs)")
        XCTAssertNil(shown.keyConfidence)
        XCTAssertEqual(shown.danceability, 0.9)
        XCTAssertEqual(shown.danceabilitySource, "effnet")
    }

    func testDigitalSilenceShowsNoTempoWhateverTempoCNNGuesses() {
        let silent = KeyEstimate(key: "A", scale: "minor", strength: 0)
        let shown = ShownDescriptors(trackId: 1, signal: signal(bpm: 0, confidence: 0, key: silent),
                                     tempoCNN: TempoCNNFeatures(trackId: 1, bpm: 99, localAgreement: 0.2, provenance: "test"),
                                     evidence: evidence(key: silent, dsp: 0), effnetDanceability: nil)
        XCTAssertEqual(shown.bpm, 0)
        XCTAssertNil(shown.key, "no key without any strength")
    }

    func testAWritableOpenRecomputesRowsOfAnotherRuleVersion() throws {
        let path = directory.appendingPathComponent("s.sqlite").path
        let builder = try StoreBuilder(path: path)
        let id = try builder.addTrack(path: "/a.mp3", bpm: 60, tempoCNN: 120)
        try builder.store.dbPool.write { db in
            try db.execute(sql: "UPDATE shown_descriptors SET bpm = 1, ruleVersion = 0 WHERE trackId = ?", arguments: [id])
        }
        let readOnly = try TrackStore(path: path, readOnly: true)
        XCTAssertEqual(try readOnly.descriptors().first?.shown?.bpm, 1, "a read-only open writes nothing")
        let reopened = try TrackStore(path: path)
        let shown = try XCTUnwrap(reopened.descriptors().first?.shown)
        XCTAssertEqual(shown.ruleVersion, ShownDescriptors.ruleVersion)
        XCTAssertEqual(shown.bpm, 120, "without the evidence group, TempoCNN's own tempo")
    }
}
