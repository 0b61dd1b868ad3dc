import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import TrackStore
import XCTest

/// Where the pages show descriptor values, they say when a value is the DSP danceability fallback or
/// comes from a model file that is not the official one (a stand-in), not only `tonearm status`.
final class ValueNotesPageTests: LiveAppTestCase {
    private func store() throws -> (TrackStore, dsp: Int64, standIn: Int64) {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("notes.sqlite").path)
        try builder.saveStyleLabels()
        func describe(_ id: Int64, _ analysis: inout TrackAnalysis, musicnn: [Float]) {
            analysis.duration = 30
            analysis.signal = SignalFeatures(trackId: id, bpm: 120, bpmConfidence: 3, keys: Dictionary(uniqueKeysWithValues:
                KeyProfile.allCases.map { ($0, KeyEstimate(key: "A", scale: "minor", strength: 0.7)) }),
                                             loudnessLufs: -14, loudnessRangeLu: 5, provenance: "fixture")
            analysis.evidence = EvidenceFeatures(trackId: id, danceabilityDsp: 1.2, beatMedianBpm: 120,
                                                 beatPeaks: [], tuningHz: 440, keys: [:], provenance: "fixture")
            analysis.musicnn = MusicnnFeatures(trackId: id, embedding: musicnn, valence: 5, arousal: 5, provenance: "fixture")
        }
        let dsp = try builder.addAnalyzedTrack(path: "/music/dsp.flac") { id, analysis in
            describe(id, &analysis, musicnn: [1] + [Float](repeating: 0, count: 199))
        }
        let standIn = try builder.addAnalyzedTrack(path: "/music/stand-in.flac") { id, analysis in
            describe(id, &analysis, musicnn: [0, 1] + [Float](repeating: 0, count: 198))
            analysis.effnet = EffnetFeatures(trackId: id, embedding: [Float](repeating: 0.1, count: 1280),
                                             styles: StyleFixture.activations(["Rock---Punk": 0.6]), voice: 0.3,
                                             danceability: 0.8, provenance: "discogs-effnet-bs64-1@0123456789ab")
        }
        return (builder.store, dsp, standIn)
    }

    func testFallbackAndStandInValuesAreNotedWhereTheyAreShown() async throws {
        let (store, dsp, standIn) = try store()
        try await withServer(store: store) { client in
            func page(_ uri: String) async throws -> String {
                String(buffer: try await client.execute(uri: uri, method: .get).body)
            }
            let fallback = try await page("/similar?track=\(dsp)")
            XCTAssertTrue(fallback.contains("<dt>Danceability</dt><dd>0.40 <span class=\"value-note\">(DSP fallback"), fallback)
            XCTAssertTrue(fallback.contains("<dt>Voice</dt><dd>–</dd>"), "no note without a value")

            let unofficial = try await page("/similar?track=\(standIn)")
            let note = "<span class=\"value-note\">(not the official model file (discogs-effnet-bs64-1))</span>"
            XCTAssertTrue(unofficial.contains("<dt>Voice</dt><dd>0.30 \(note)"), unofficial)
            XCTAssertTrue(unofficial.contains("<dt>Danceability</dt><dd>0.80 \(note)"), unofficial)
            XCTAssertTrue(unofficial.contains("</span></span> \(note)</p>"), "beside the top styles")
            XCTAssertFalse(unofficial.contains("<dt>Arousal</dt><dd>5.0 <span"), "MusiCNN's file is not flagged")

            let playlist = try await page("/")
            XCTAssertTrue(playlist.contains("<p class=\"value-note\">Dance on 1 of these 2 tracks: DSP fallback"), playlist)
            XCTAssertTrue(playlist.contains("<p class=\"value-note\">Styles, voice and dance on 1 of these tracks"), playlist)
        }
    }
}
