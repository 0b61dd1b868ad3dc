import Foundation
import Report
import TestSupport
import TrackStore
import XCTest

/// The "Observations" sentences against figures counted here from the fixture's inputs.
final class ObservationsTests: FixtureReportTestCase {
    func testObservationsOpenThePage() {
        XCTAssertEqual(page.sectionIDs.first, "observations")
        XCTAssertEqual(page.allMatches("<li id=\"(obs-[a-z]+)\""),
                       ["obs-styles", "obs-tempo", "obs-keys", "obs-loudness", "obs-emotion", "obs-voice"])
        XCTAssertNil(page.firstMatch("<li id=\"obs-[a-z]+\" class=\"(missing)\""), "the fixture has every group")
    }

    func testGenreCoverageAndDiversity() {
        let genres = CollectionFixture.genres
        let counts = inputs.compactMap(\.styles).map { styles in
            genres[styles.indices.max { styles[$0] < styles[$1] }! % genres.count]
        }.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }.values.sorted(by: >)
        let total = counts.reduce(0, +)
        var covering = 0, covered = 0
        while Double(covered) < 0.8 * Double(total) {
            covered += counts[covering]
            covering += 1
        }
        let entropy = -counts.map { Double($0) / Double(total) }.map { $0 * log($0) }.reduce(0, +)
        XCTAssertEqual(page.figure("obs-genre-tracks"), "\(total)")
        XCTAssertEqual(page.figure("obs-genres-present"), "\(counts.count)")
        XCTAssertEqual(page.figure("obs-genres-covering"), "\(covering)")
        XCTAssertEqual(page.figure("obs-genre-entropy"), String(format: "%.2f", entropy))
        XCTAssertEqual(page.figure("obs-effective-genres"), Expected.decimal(exp(entropy)))
        XCTAssertGreaterThan(covering, 1, "the fixture is not one genre")
    }

    func testTempoMedianAndQuartiles() throws {
        // The shown (fused) tempo, as everywhere in the report; its rule is tested exactly in FusionTests.
        let bpms = try fixture.store.descriptors().compactMap { $0.shown?.bpm }.filter { $0 > 0 }.sorted()
        /// Linear interpolation between closest ranks, as numpy.percentile and R's quantile() by default.
        func quantile(_ p: Double) -> Double {
            let h = p * Double(bpms.count - 1), low = Int(h)
            return bpms[low] + (h - Double(low)) * (bpms[min(low + 1, bpms.count - 1)] - bpms[low])
        }
        XCTAssertEqual(page.figure("obs-tempo-tracks"), "\(bpms.count)")
        XCTAssertEqual(page.figure("obs-median-bpm"), Expected.decimal(Expected.median(bpms)))
        XCTAssertEqual(page.figure("obs-bpm-q1"), Expected.decimal(quantile(0.25)))
        XCTAssertEqual(page.figure("obs-bpm-q3"), Expected.decimal(quantile(0.75)))
        XCTAssertEqual(page.figure("obs-bpm-iqr"), Expected.decimal(quantile(0.75) - quantile(0.25)))
    }

    func testKeyCoverageUnderTheRecommendedProfile() {
        func name(_ estimate: KeyEstimate) -> String { "\(estimate.key) \(estimate.scale)" }
        let inMajority = KeyProfile.allCases.map { profile in
            inputs.filter { input in
                KeyProfile.allCases.contains { $0 != profile && name(input.keys[$0]!) == name(input.keys[profile]!) }
            }.count
        }
        let profile = KeyProfile.allCases[inMajority.firstIndex(of: inMajority.max()!)!]
        // The fixture spells every key as Essentia does, so names are key classes.
        let counts = inputs.map { name($0.keys[profile]!) }.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        let most = counts.values.max()!
        XCTAssertEqual(page.figure("obs-key-profile"), profile.rawValue)
        XCTAssertEqual(page.figure("key-recommendation"), profile.rawValue, "the key section recommends the same")
        XCTAssertEqual(page.figure("obs-keys-present"), "\(counts.count)")
        XCTAssertEqual(page.figure("obs-key-tracks"), "\(inputs.count)")
        XCTAssertEqual(page.figure("obs-key-most-common-tracks"), "\(most)")
        let shown = page.figure("obs-key-most-common")!.components(separatedBy: ", ")
        XCTAssertEqual(Set(shown), Set(counts.filter { $0.value == most }.keys))
    }

    func testLoudAndQuietShares() {
        let lufs = inputs.compactMap(\.lufs)
        XCTAssertEqual(page.figure("obs-loudness-tracks"), "\(lufs.count)", "the silent track has no loudness")
        XCTAssertEqual(page.figure("obs-louder"), Expected.percent(lufs.filter { $0 > -9 }.count, of: lufs.count))
        XCTAssertEqual(page.figure("obs-quieter"), Expected.percent(lufs.filter { $0 < -23 }.count, of: lufs.count))
        XCTAssertTrue(lufs.contains { $0 > -9 } && lufs.contains { $0 < -23 }, "both shares are tested above zero")
    }

    func testQuadrantSharesAndVocalShare() {
        let points = inputs.compactMap(\.emotion)
        XCTAssertEqual(page.figure("obs-emotion-tracks"), "\(points.count)")
        XCTAssertEqual(page.figure("obs-quadrant-excited"),
                       Expected.percent(points.filter { $0.arousal >= 5 && $0.valence >= 5 }.count, of: points.count))
        XCTAssertEqual(page.figure("obs-quadrant-tense"),
                       Expected.percent(points.filter { $0.arousal >= 5 && $0.valence < 5 }.count, of: points.count))
        XCTAssertEqual(page.figure("obs-quadrant-sad"),
                       Expected.percent(points.filter { $0.arousal < 5 && $0.valence < 5 }.count, of: points.count))
        XCTAssertEqual(page.figure("obs-quadrant-calm"),
                       Expected.percent(points.filter { $0.arousal < 5 && $0.valence >= 5 }.count, of: points.count))

        let voiced = inputs.filter { $0.styles != nil }
        XCTAssertEqual(page.figure("obs-voice-tracks"), "\(voiced.count)")
        XCTAssertEqual(page.figure("obs-vocal"), Expected.percent(voiced.filter { $0.voice >= 0.5 }.count, of: voiced.count))
    }

    func testMissingDescriptorsAreNamedNotGuessed() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("signal-only.sqlite").path)
        try builder.addTrack(path: "/music/a.mp3")
        let written = try ReportWriter.write(store: builder.store, to: directory.appendingPathComponent("signal-only"))
        let page = try PageReader(written.page)
        XCTAssertEqual(page.allMatches("<li id=\"(obs-[a-z]+)\" class=\"missing\""), ["obs-styles", "obs-emotion", "obs-voice"])
        XCTAssertTrue(page.html.contains("no track has Discogs-EffNet style activations, so genre diversity is not known."))
        XCTAssertTrue(page.html.contains("no track has arousal and valence estimates, so the mood balance is not known."))
        XCTAssertTrue(page.html.contains("no track has a voice/instrumental estimate, so the vocal share is not known."))
        XCTAssertEqual(page.figure("obs-key-tracks"), "1")
        XCTAssertNil(page.figure("obs-vocal"))
    }
}
