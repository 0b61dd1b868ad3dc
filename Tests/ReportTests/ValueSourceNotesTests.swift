import Foundation
import Report
import TestSupport
import TrackStore
import XCTest

/// Where people read values, the page says when they come from a model file that is not the official one
/// (a stand-in) or from the DSP danceability fallback, and the arousal × valence chart keeps every point in view.
final class ValueSourceNotesTests: TemporaryDirectoryTestCase {
    private func page(standIn: Bool) throws -> PageReader {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("\(standIn).sqlite").path)
        try builder.saveStyleLabels()
        for index in 0..<4 {
            try builder.addAnalyzedTrack(path: "/music/\(index).flac") { id, analysis in
                analysis.duration = 30
                analysis.signal = SignalFeatures(trackId: id, bpm: 100 + Double(index), bpmConfidence: 3,
                                                 keys: Dictionary(uniqueKeysWithValues: KeyProfile.allCases.map {
                                                     ($0, KeyEstimate(key: "A", scale: "minor", strength: 0.7))
                                                 }), loudnessLufs: -14, loudnessRangeLu: 5, provenance: "fixture")
                analysis.evidence = EvidenceFeatures(trackId: id, danceabilityDsp: 1.2, beatMedianBpm: 100,
                                                     beatPeaks: [], tuningHz: 440, keys: [:], provenance: "fixture")
                if standIn {
                    // The stand-in's sha256 is not the official one; the heads' files are not named here.
                    analysis.effnet = EffnetFeatures(trackId: id, embedding: [0], styles: StyleFixture.activations(["Rock---Punk": 0.6]),
                                                     voice: 0.3, danceability: 0.4, provenance: "discogs-effnet-bs64-1@0123456789ab")
                }
                analysis.musicnn = MusicnnFeatures(trackId: id, embedding: [0], valence: index == 0 ? 0.45 : 4,
                                                   arousal: index == 1 ? 9.3 : 5, provenance: "fixture")
            }
        }
        return try PageReader(try ReportWriter.write(store: builder.store, to: directory.appendingPathComponent("report-\(standIn)")).page)
    }

    private func section(_ id: String, of page: PageReader) throws -> String {
        try XCTUnwrap(page.firstMatch("(?s)<section id=\"\(id)\">(.*?)</section>"), "no section \(id)")
    }

    func testAStandInModelIsNamedInTheHeaderAndBesideItsValues() throws {
        let page = try page(standIn: true)
        XCTAssertEqual(page.figure("unverified-models"), "discogs-effnet-bs64-1")
        for id in ["styles", "rhythm", "voice"] {
            let body = try section(id, of: page)
            XCTAssertTrue(body.contains("class=\"model-note\""), "\(id): \(body.prefix(600))")
            XCTAssertTrue(body.contains("discogs-effnet-bs64-1 on 4 tracks"), id)
        }
        for id in ["keys", "loudness", "emotion"] {
            XCTAssertFalse(try section(id, of: page).contains("class=\"model-note\""), id)
        }
        XCTAssertNil(page.firstMatch("id=\"(danceability-dsp-note)\""), "the head, not the DSP fallback, gave danceability")
    }

    func testTheDSPFallbackIsNotedWhereDanceabilityIsShown() throws {
        let page = try page(standIn: false)
        XCTAssertNil(page.figure("unverified-models"))
        XCTAssertFalse(page.html.contains("class=\"model-note\" id=\"unverified"))
        let rhythm = try section("rhythm", of: page)
        let note = try XCTUnwrap(PageReader(html: rhythm).firstMatch("(?s)id=\"danceability-dsp-note\">(.*?)</p>"))
        XCTAssertTrue(note.contains("on 4 of 4"), note)
        XCTAssertTrue(note.contains("DSP fallback"), note)
        XCTAssertLessThan(try XCTUnwrap(rhythm.range(of: "danceability-dsp-note")).lowerBound,
                          try XCTUnwrap(rhythm.range(of: "chart-danceability")).lowerBound, "the note comes before the chart")
    }

    func testTheEmotionChartWidensToKeepOffScalePointsInView() throws {
        let chart = try XCTUnwrap(try page(standIn: false).charts()["chart-emotion"])
        let range = try XCTUnwrap(chart["range"] as? [String: Double])
        XCTAssertEqual(range["min"], 0, "valence 0.45 is below the scale's 1")
        XCTAssertEqual(range["max"], 10, "arousal 9.3 is above the scale's 9")
    }
}
