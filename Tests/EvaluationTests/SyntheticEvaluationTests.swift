import Foundation
import TestSupport
import XCTest

/// The whole evaluate path on audio whose truth is exact: rendered drum patterns and chord progressions.
final class SyntheticEvaluationTests: TemporaryDirectoryTestCase {
    func testEvaluateAnalyzesTheLabelledFilesAndScoresThem() throws {
        let audio = directory.appendingPathComponent("synthetic")
        let synthesize = Process()
        synthesize.executableURL = Fixtures.repoRoot.appendingPathComponent(".venv/bin/python")
        synthesize.arguments = [Fixtures.repoRoot.appendingPathComponent("evaluation/synthesize_labelled_set.py").path, audio.path]
        try synthesize.run()
        synthesize.waitUntilExit()
        XCTAssertEqual(synthesize.terminationStatus, 0)
        // A malformed row must warn, not stop the evaluation.
        let labels = audio.appendingPathComponent("labels.csv")
        try (String(contentsOf: labels, encoding: .utf8) + "drums_70bpm.wav,,-3,H,major\nnot_there.wav,,100,,\n")
            .write(to: labels, atomically: true, encoding: .utf8)

        let models = try Fixtures.modelsWithStandin(in: directory)
        let output = directory.appendingPathComponent("eval")
        let db = directory.appendingPathComponent("store.sqlite").path
        let result = try TonearmCLI.run(["evaluate", "--labels", labels.path, "--db", db, "--models", models.path,
                                         "-o", output.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("line 13: bpm \"-3\" is not a positive number"), result.stderr)
        XCTAssertTrue(result.stderr.contains("not_there.wav: no such file"), result.stderr)

        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("summary.json"))) as! [String: Any]
        let tempo = (summary["tempo"] as! [String: Any])["rhythmextractor2013"] as! [String: Any]
        XCTAssertEqual(tempo["tracks"] as? Int, 5)
        XCTAssertGreaterThanOrEqual(tempo["accuracy2"] as! Double, 0.8)
        for profile in ["temperley", "krumhansl", "edma"] {
            let key = (summary["key"] as! [String: Any])[profile] as! [String: Any]
            XCTAssertEqual(key["tracks"] as? Int, 6)
            XCTAssertGreaterThanOrEqual(key["accuracy"] as! Double, 0.8, profile)
        }
        // The fused tempo and shown key are scored beside every raw estimate, and no worse on exact truth.
        let tempi = summary["tempo"] as! [String: [String: Any]], keys = summary["key"] as! [String: [String: Any]]
        XCTAssertEqual(Set(tempi.keys), ["rhythmextractor2013", "tempocnn", "shown (fused)"])
        for name in ["rhythmextractor2013", "tempocnn"] {
            XCTAssertGreaterThanOrEqual(tempi["shown (fused)"]!["accuracy1"] as! Double, tempi[name]!["accuracy1"] as! Double)
            XCTAssertGreaterThanOrEqual(tempi["shown (fused)"]!["accuracy2"] as! Double, tempi[name]!["accuracy2"] as! Double)
        }
        for name in ["temperley", "krumhansl", "edma", "bgate", "shaath"] {
            XCTAssertGreaterThanOrEqual(keys["shown (fused)"]!["weighted"] as! Double, keys[name]!["weighted"] as! Double, name)
        }
        XCTAssertEqual(keys["shown (fused)"]!["tracks"] as? Int, 6)
        XCTAssertTrue(result.stdout.contains("tempo shown (fused): Accuracy1 "), result.stdout)
        XCTAssertTrue(result.stdout.contains("key shown (fused): accuracy "), result.stdout)
        let tsv = try String(contentsOf: output.appendingPathComponent("tracks.tsv"), encoding: .utf8)
        let header = tsv.prefix { $0 != "\n" }.split(separator: "\t").map(String.init)
        for column in ["shown_bpm", "shown_tempo", "shown_bpm_decided_by", "shown_key", "shown_key_relation", "tempocnn_bpm",
                       "key_bgate"] {
            XCTAssertTrue(header.contains(column), column)
        }
        XCTAssertEqual(tsv.split(separator: "\n").count, 1 + 12, "a row per labelled, analyzable track (the malformed row keeps its path)")
        let html = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        for figure in ["tempo-shown-fused-acc1", "tempo-tempocnn-acc2", "key-shown-fused-weighted", "key-shown-fused-agree-weighted",
                       "key-temperley-agree-weighted"] {
            XCTAssertTrue(html.contains("data-figure=\"\(figure)\""), figure)
        }

        let again = try TonearmCLI.run(["evaluate", "--labels", labels.path, "--db", db, "--models", models.path, "-o", output.path])
        XCTAssertEqual(again.status, 0)
        XCTAssertFalse(again.stdout.contains("analyzed"), "a second evaluation analyzes nothing: \(again.stdout)")
    }
}
