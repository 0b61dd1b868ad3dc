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
        let tsv = try String(contentsOf: output.appendingPathComponent("tracks.tsv"), encoding: .utf8)
        XCTAssertEqual(tsv.split(separator: "\n").count, 1 + 12, "a row per labelled, analyzable track (the malformed row keeps its path)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))

        let again = try TonearmCLI.run(["evaluate", "--labels", labels.path, "--db", db, "--models", models.path, "-o", output.path])
        XCTAssertEqual(again.status, 0)
        XCTAssertFalse(again.stdout.contains("analyzed"), "a second evaluation analyzes nothing: \(again.stdout)")
    }
}
