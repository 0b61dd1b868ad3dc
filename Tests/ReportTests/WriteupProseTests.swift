import Foundation
import Report
import TestSupport
import TrackStore
import XCTest

/// The written report's sentences are conditions on the data: two stores built to contrast on every
/// question are written by the real `ReportWriter`, read by the real generator (`scripts/writeup_collection.py`
/// in the worker venv), and each judging sentence must appear for the store that satisfies it and not
/// for the other.
final class WriteupProseTests: TemporaryDirectoryTestCase {
    /// Two packages of `perPackage` tracks. `calm` flips every contrast: temperley hears the fewest minor
    /// keys in the other store and edma here, the tempo estimators agree there and sit an octave apart
    /// here, loudness is one level there and two package levels here, arousal is high there and low here.
    private func store(calm: Bool, perPackage: Int = 12) throws -> URL {
        let folder = directory.appendingPathComponent(calm ? "calm" : "lively")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let builder = try StoreBuilder(path: folder.appendingPathComponent("store.sqlite").path)
        try builder.saveStyleLabels()
        // Minor keys and their relative majors (a minor third up).
        let relatives = [("A", "C"), ("E", "G"), ("D", "F"), ("B", "D"), ("G", "Bb"), ("C", "Eb")]
        for package in ["north", "south"] {
            for index in 0..<perPackage {
                let (tonic, major) = relatives[index % relatives.count]
                let minor = KeyEstimate(key: tonic, scale: "minor", strength: 0.7)
                let relativeMajor = KeyEstimate(key: major, scale: "major", strength: 0.6)
                // The odd profile answers a major key where the other two answer the minor one.
                let keys: [KeyProfile: KeyEstimate] = calm
                    ? [.temperley: minor, .krumhansl: minor, .edma: index % 2 == 0 ? relativeMajor : minor]
                    : [.temperley: index % 2 == 0 ? relativeMajor : minor, .krumhansl: minor, .edma: minor]
                let bpm = 90.0 + Double(index) * 3
                let loudness = calm ? (package == "north" ? -26.0 : -10.0) + Double(index % 4) * 0.3
                                    : -14.0 + Double(index % 5) * 0.4
                try builder.addAnalyzedTrack(path: "/music/\(package)/\(index).flac") { id, analysis in
                    analysis.duration = 30
                    analysis.codec = "flac"
                    analysis.sampleRate = 44100
                    analysis.channels = 2
                    analysis.signal = SignalFeatures(trackId: id, bpm: bpm, bpmConfidence: 3, keys: keys,
                                                     loudnessLufs: loudness, loudnessRangeLu: 5, provenance: "fixture")
                    analysis.tempoCNN = TempoCNNFeatures(trackId: id, bpm: calm ? bpm * 2 : bpm * 1.01,
                                                         localAgreement: 0.9, provenance: "fixture")
                    analysis.evidence = EvidenceFeatures(
                        trackId: id, danceabilityDsp: 1 + Double(index) / 20, beatMedianBpm: bpm,
                        beatPeaks: [(bpm, 0.8)], tuningHz: 440, keys: [:], provenance: "fixture")
                    if !calm {
                        analysis.effnet = EffnetFeatures(trackId: id, embedding: [0],
                                                         styles: StyleFixture.activations(["Rock---Punk": 0.5]), voice: 0.8,
                                                         danceability: 0.2 + Double(index) / 30, provenance: "fixture")
                    }
                    let arousal = calm ? 2.5 + Double(index % 3) * 0.3 : 6.5 + Double(index % 3) * 0.3
                    let valence = calm ? (index == 0 ? 0.4 : 3.5) : 6.0
                    analysis.musicnn = MusicnnFeatures(trackId: id, embedding: [0], valence: valence, arousal: arousal,
                                                       provenance: "fixture")
                }
            }
        }
        let report = folder.appendingPathComponent("report")
        try ReportWriter.write(store: builder.store, to: report)
        return report
    }

    private func sentences(_ report: URL) throws -> [String: String] {
        let process = Process()
        process.executableURL = Fixtures.repoRoot.appendingPathComponent(".venv/bin/python")
        process.arguments = [Fixtures.repoRoot.appendingPathComponent("scripts/writeup_collection.py").path, report.path]
        let result = try TonearmCLI.runToEnd(process)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: String], result.stderr)
    }

    func testJudgingSentencesFlipWithTheData() throws {
        let lively = try sentences(try store(calm: false))
        let calm = try sentences(try store(calm: true))

        // Key: the profile named as hearing the fewest minor keys is the one that does.
        XCTAssertTrue(try XCTUnwrap(lively["key-fewest-minor"]).hasPrefix("Temperley hears"), lively.description)
        XCTAssertTrue(try XCTUnwrap(calm["key-fewest-minor"]).hasPrefix("Edma hears"), calm.description)
        XCTAssertTrue(try XCTUnwrap(lively["key-odd-one-out"]).hasPrefix("Temperley is the odd one out"))
        XCTAssertTrue(try XCTUnwrap(calm["key-odd-one-out"]).hasPrefix("Edma is the odd one out"))
        // Every disagreement here is a relative key: mode explains most of them in both stores.
        XCTAssertTrue(try XCTUnwrap(lively["key-disagreement-kinds"]).contains("mode confusions are most"))

        // Tempo: agreement is claimed only where the estimators agree, octaves only where they differ by ×2.
        XCTAssertNotNil(lively["tempo-estimators-agree"])
        XCTAssertNil(lively["tempo-estimators-disagree"])
        XCTAssertNil(lively["tempo-octaves"])
        XCTAssertNotNil(calm["tempo-estimators-disagree"])
        XCTAssertNil(calm["tempo-estimators-agree"])
        XCTAssertTrue(try XCTUnwrap(calm["tempo-octaves"]).contains("100.0 %"))

        // Danceability: the DSP fallback is named where it is used, the head where it is not.
        XCTAssertNotNil(calm["danceability-dsp"])
        XCTAssertNil(calm["danceability-head"])
        XCTAssertNotNil(lively["danceability-head"])
        XCTAssertNil(lively["danceability-dsp"])

        // Loudness: two package levels give two peaks and a package-driven variance; one level gives one peak.
        XCTAssertNotNil(calm["loudness-peaks"])
        XCTAssertNotNil(calm["loudness-by-source"])
        XCTAssertNil(calm["loudness-one-peak"])
        XCTAssertNotNil(lively["loudness-one-peak"])
        XCTAssertNil(lively["loudness-peaks"])
        XCTAssertNil(lively["loudness-by-source"])

        // Emotion: the largest quadrant follows the points; only values off the 1–9 scale are called so.
        XCTAssertTrue(try XCTUnwrap(lively["emotion-largest-quadrant"]).contains("largest quadrant is happy/excited"))
        XCTAssertTrue(try XCTUnwrap(calm["emotion-largest-quadrant"]).contains("largest quadrant is sad/depressed"))
        XCTAssertNotNil(calm["emotion-below-neutral"])
        XCTAssertNil(lively["emotion-below-neutral"])
        XCTAssertTrue(try XCTUnwrap(calm["emotion-off-scale"]).hasPrefix("2 tracks"))
        XCTAssertNil(lively["emotion-off-scale"])

        // Voice: a share only where the head ran.
        XCTAssertTrue(try XCTUnwrap(lively["voice-share"]).hasPrefix("100.0 %"))
        XCTAssertNotNil(calm["voice-absent"])
    }
}
