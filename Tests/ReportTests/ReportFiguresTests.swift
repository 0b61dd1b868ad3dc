import Foundation
import Report
import TestSupport
import TrackStore
import XCTest

/// The page and styles.tsv against counts made here from the fixture's inputs.
final class ReportFiguresTests: FixtureReportTestCase {
    func testEverySectionIsPresentInOrder() {
        XCTAssertEqual(page.sectionIDs, ["observations", "styles", "rhythm", "keys", "loudness", "emotion", "voice"])
        XCTAssertTrue(page.html.contains("id=\"collection-facts\""))
    }

    func testHeaderFacts() {
        XCTAssertEqual(page.figure("analyzed"), "\(inputs.count)")
        XCTAssertEqual(page.figure("failed"), "\(CollectionFixture.failures.count)")
        XCTAssertEqual(page.figure("pending"), "0")
        XCTAssertEqual(page.figure("missing"), "0")
        let minutes = Int(inputs.map(\.duration).reduce(0, +) / 60)
        XCTAssertEqual(page.figure("duration"), String(format: "%d h %02d min", minutes / 60, minutes % 60))
        let codecs = Dictionary(grouping: inputs, by: \.codec).mapValues(\.count)
        for (codec, count) in codecs {
            XCTAssertTrue(page.figure("formats")!.contains("\(codec) \(count)"), "\(codec) \(count) in \(page.figure("formats")!)")
        }
        let withStyles = inputs.filter { $0.styles != nil }.count
        XCTAssertTrue(page.html.contains("signal: fixture (\(inputs.count)); evidence: not computed; tempocnn: fixture (\(inputs.compactMap(\.tempoFactor).count)); "
                                         + "effnet: fixture (\(withStyles))"), "what computed each group")
        for failure in CollectionFixture.failures {
            XCTAssertTrue(page.html.contains(failure.message.replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")), failure.message)
        }
    }

    func testStyleFiguresAndCharts() throws {
        let activations = inputs.compactMap(\.styles)
        let above = activations.map { $0.filter { $0 >= 0.1 }.count }
        XCTAssertEqual(page.figure("style-tracks"), "\(activations.count)")
        XCTAssertEqual(page.figure("styles-per-track"), Expected.decimal(Double(above.reduce(0, +)) / Double(activations.count)))
        XCTAssertEqual(page.figure("tracks-without-style"), "\(above.filter { $0 == 0 }.count)")

        let topGenres = Dictionary(grouping: activations) { genre(ofStyle: argmax($0)) }.mapValues(\.count)
        let chart = try XCTUnwrap(page.charts()["chart-genres"])
        let categories = chart["categories"] as! [String]
        let top1 = page.values(chart)["Top-1 style"]!
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: zip(categories, top1)).filter { $0.value > 0 }, topGenres)
    }

    func testStylesTableCountsEveryStyle() throws {
        let tsv = try String(contentsOf: directory.appendingPathComponent("report/styles.tsv"), encoding: .utf8)
        var lines = tsv.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(lines.removeFirst(), ["style", "parent_genre", "tracks_top1", "tracks_above_threshold", "mean_activation"])
        XCTAssertEqual(lines.count, 400)
        let activations = inputs.compactMap(\.styles)
        let rows = Dictionary(uniqueKeysWithValues: lines.map { ($0[0], $0) })
        for (index, label) in CollectionFixture.styleLabels.enumerated() {
            let row = try XCTUnwrap(rows[label], label)
            XCTAssertEqual(row[1], String(label.split(separator: "-").first!))
            XCTAssertEqual(Int(row[2]), activations.filter { argmax($0) == index }.count, label)
            XCTAssertEqual(Int(row[3]), activations.filter { $0[index] >= 0.1 }.count, label)
            let mean = activations.map { Double($0[index]) }.reduce(0, +) / Double(activations.count)
            XCTAssertEqual(Double(row[4])!, mean, accuracy: 1e-6, label)
        }
        let frequencies = lines.map { (Int($0[2])!, Int($0[3])!) }
        XCTAssertTrue(zip(frequencies, frequencies.dropFirst()).allSatisfy { $0 >= $1 }, "sorted by frequency")
    }

    func testTempoDanceabilityAndTempoCNNAgreement() throws {
        // The report shows the fused tempo (its rule is tested exactly in FusionTests).
        let stored = try fixture.store.descriptors()
        let bpms = stored.compactMap { $0.shown?.bpm }.filter { $0 > 0 }
        let elsewhere = stored.filter { track in
            guard let shown = track.shown?.bpm, let raw = track.signal?.bpm, raw > 0 else { return false }
            return abs(shown / raw - 1) > 0.04
        }.count
        XCTAssertGreaterThan(elsewhere, 0, "the fixture has octave splits the fusion settles at TempoCNN's level")
        XCTAssertEqual(page.figure("tempo-fused-elsewhere"), "\(elsewhere)")
        XCTAssertEqual(page.figure("tempo-tracks"), "\(inputs.count - 1)")
        XCTAssertEqual(page.figure("no-beat"), "1", "the silent track")
        XCTAssertEqual(page.figure("median-bpm"), Expected.decimal(Expected.median(bpms)))
        XCTAssertEqual(page.figure("low-confidence"), "\(inputs.filter { $0.bpmConfidence < 1.5 }.count)")

        let lowest = (bpms.min()! / 5).rounded(.down) * 5
        var bins = [Int](repeating: 0, count: Int((bpms.max()! - lowest) / 5) + 1)
        for bpm in bpms { bins[Int((bpm - lowest) / 5)] += 1 }
        let tempo = try XCTUnwrap(page.charts()["chart-tempo"])
        XCTAssertEqual(page.values(tempo)["Tracks"], bins)
        XCTAssertEqual((tempo["bins"] as! [String: Double])["lowerBound"], lowest)

        let factors = inputs.filter { $0.bpm > 0 }.compactMap(\.tempoFactor)
        let same = factors.filter { [1.02, 0.98, 1].contains($0) }.count
        let octave = factors.filter { [2, 0.5].contains($0) }.count
        XCTAssertEqual(page.figure("tempo-compared"), "\(factors.count)")
        XCTAssertEqual(page.figure("tempo-same"), Expected.percent(same, of: factors.count))
        XCTAssertEqual(page.figure("tempo-octave"), Expected.percent(octave, of: factors.count))
        XCTAssertEqual(page.figure("tempo-differ"), Expected.percent(factors.count - same - octave, of: factors.count))

        let danceabilities = inputs.filter { $0.styles != nil }.map(\.danceability)
        XCTAssertEqual(page.figure("danceable"), "\(danceabilities.filter { $0 >= 0.5 }.count)")
        var danceBins = [Int](repeating: 0, count: 10)
        for value in danceabilities { danceBins[Int(value * 10)] += 1 }
        XCTAssertEqual(page.values(try XCTUnwrap(page.charts()["chart-danceability"]))["Tracks"], danceBins)
    }

    func testKeyDistributionsAndAgreement() throws {
        XCTAssertEqual(page.figure("key-tracks"), "\(inputs.count)")
        func same(_ a: KeyProfile, _ b: KeyProfile, _ input: CollectionFixture.Input) -> Bool {
            input.keys[a]!.key == input.keys[b]!.key && input.keys[a]!.scale == input.keys[b]!.scale
        }
        let all = inputs.filter { same(.temperley, .krumhansl, $0) && same(.krumhansl, .edma, $0) }.count
        XCTAssertEqual(page.figure("keys-all-agree"), Expected.percent(all, of: inputs.count))
        XCTAssertEqual(page.figure("keys-temperley-edma"),
                       Expected.percent(inputs.filter { same(.temperley, .edma, $0) }.count, of: inputs.count))

        let chart = try XCTUnwrap(page.charts()["chart-keys"])
        let categories = chart["categories"] as! [String]
        XCTAssertEqual(categories.count, 24)
        for profile in KeyProfile.allCases {
            let counts = page.values(chart)[profile.rawValue]!
            for (name, count) in zip(categories, counts) {
                XCTAssertEqual(count, inputs.filter { "\($0.keys[profile]!.key) \($0.keys[profile]!.scale)" == name }.count,
                               "\(profile) \(name)")
            }
        }
    }

    func testLoudness() throws {
        let lufs = inputs.compactMap(\.lufs)
        XCTAssertEqual(page.figure("loudness-tracks"), "\(lufs.count)")
        XCTAssertEqual(page.figure("silent"), "\(inputs.count - lufs.count)")
        XCTAssertEqual(page.figure("louder-than-streaming"), "\(lufs.filter { $0 > -14 }.count)")
        XCTAssertEqual(page.figure("median-lufs"), Expected.decimal(Expected.median(lufs)))
        let chart = try XCTUnwrap(page.charts()["chart-loudness"])
        XCTAssertEqual(page.values(chart)["Tracks"]!.reduce(0, +), lufs.count)
        let lines = (chart["referenceLines"] as! [[String: Any]]).map { $0["value"] as! Double }
        XCTAssertEqual(Set(lines), [-14, -16, -23])
        let lowerBound = (chart["bins"] as! [String: Double])["lowerBound"]!
        XCTAssertLessThanOrEqual(lowerBound, min(-23, lufs.min()!), "the −23 LUFS line is in view")
    }

    func testEmotionQuadrants() {
        let points = inputs.compactMap(\.emotion)
        XCTAssertEqual(page.figure("emotion-tracks"), "\(points.count)")
        XCTAssertEqual(page.figure("quadrant-excited"), "\(points.filter { $0.arousal >= 5 && $0.valence >= 5 }.count)")
        XCTAssertEqual(page.figure("quadrant-tense"), "\(points.filter { $0.arousal >= 5 && $0.valence < 5 }.count)")
        XCTAssertEqual(page.figure("quadrant-sad"), "\(points.filter { $0.arousal < 5 && $0.valence < 5 }.count)")
        XCTAssertEqual(page.figure("quadrant-calm"), "\(points.filter { $0.arousal < 5 && $0.valence >= 5 }.count)")
    }

    func testVocalAndInstrumentalByGenre() throws {
        let withVoice = inputs.filter { $0.styles != nil }
        let vocal = withVoice.filter { $0.voice >= 0.5 }
        XCTAssertEqual(page.figure("vocal"), "\(vocal.count)")
        XCTAssertEqual(page.figure("instrumental"), "\(withVoice.count - vocal.count)")
        let chart = try XCTUnwrap(page.charts()["chart-voice"])
        let byGenre = Dictionary(uniqueKeysWithValues: zip(chart["categories"] as! [String], page.values(chart)["Vocal"]!))
        for genre in CollectionFixture.genres {
            let expected = vocal.filter { self.genre(ofStyle: argmax($0.styles!)) == genre }.count
            XCTAssertEqual(byGenre[genre] ?? 0, expected, genre)
        }
    }

    func testCollectionTextIsEscaped() {
        XCTAssertFalse(page.html.contains("<script>alert"), "a title is markup-escaped")
        XCTAssertTrue(page.html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Friends&quot;"))
        XCTAssertTrue(page.html.contains("/music/bad/&lt;broken&gt;.mp3"))
    }

    func testPageNeedsNoNetwork() {
        XCTAssertNil(page.firstMatch("(<script[^>]+src=)"), "scripts are inlined")
        XCTAssertNil(page.firstMatch("((?:src|href)=\"(?:https?:)?//)"), "nothing is fetched from the network")
        XCTAssertTrue(page.html.contains("Chart.js v3.9.1"), "Chart.js is inlined")
    }

    private func argmax(_ values: [Float]) -> Int {
        values.indices.max { values[$0] < values[$1] }!
    }

    private func genre(ofStyle index: Int) -> String {
        CollectionFixture.genres[index % CollectionFixture.genres.count]
    }
}
