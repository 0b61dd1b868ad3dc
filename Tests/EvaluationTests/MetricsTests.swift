import Evaluation
import Foundation
import XCTest

final class MetricsTests: XCTestCase {
    func testHalfAndDoubleTempoCountForAccuracy2Only() {
        XCTAssertEqual(TempoAccuracy.outcome(estimate: 123, label: 120), .correct)  // 2.5 % off
        XCTAssertEqual(TempoAccuracy.outcome(estimate: 125, label: 120), .wrong)    // 4.2 % off
        XCTAssertEqual(TempoAccuracy.outcome(estimate: 60, label: 120), .octave)
        XCTAssertEqual(TempoAccuracy.outcome(estimate: 240, label: 120), .octave)
        XCTAssertEqual(TempoAccuracy.outcome(estimate: 40, label: 120), .octave)
        XCTAssertEqual(TempoAccuracy.outcome(estimate: 90, label: 60), .wrong)      // ×1.5 is not accepted
    }

    func testMirexKeyRelationsAndWeights() {
        let cMajor = MusicalKey(key: "C", scale: "major")!
        func relation(_ key: String, _ scale: String, label: MusicalKey = MusicalKey(key: "C", scale: "major")!) -> KeyRelation {
            KeyRelation(estimate: MusicalKey(key: key, scale: scale)!, label: label)
        }
        XCTAssertEqual(relation("C", "major"), .exact)
        XCTAssertEqual(relation("G", "major"), .fifth)
        XCTAssertEqual(relation("F", "major"), .other, "mir_eval counts only the fifth above")
        XCTAssertEqual(relation("A", "minor"), .relative)
        XCTAssertEqual(relation("C", "minor"), .parallel)
        XCTAssertEqual(relation("C", "major", label: MusicalKey(key: "A", scale: "minor")!), .relative)
        XCTAssertEqual(relation("Bb", "minor", label: MusicalKey(key: "Eb", scale: "minor")!), .fifth)
        XCTAssertEqual(KeyRelation.relative.score, 0.3)
        XCTAssertEqual(MusicalKey(key: "db", scale: "Major"), MusicalKey(key: "C#", scale: "major"))
        XCTAssertNil(MusicalKey(key: "H", scale: "major"))
        XCTAssertNil(MusicalKey(key: "C", scale: "dorian"))
        XCTAssertEqual(cMajor.description, "C major")
    }

    func testMalformedLabelRowsWarnPerRowAndKeepTheirOtherLabels() {
        let csv = """
            path,genre,bpm,key,scale
            a.wav,rock,120,C,major
            "b, with comma.wav",,-5,Db,minor
            c.wav,jazz,fast,H,major
            ,pop,100,,
            /abs/d.wav,,,E,
            """
        let file = LabelsFile(text: csv, relativeTo: URL(fileURLWithPath: "/labels"))
        XCTAssertEqual(file.labels.map(\.path), ["/labels/a.wav", "/labels/b, with comma.wav", "/labels/c.wav", "/abs/d.wav"])
        XCTAssertEqual(file.labels[0], TrackLabel(path: "/labels/a.wav", genre: "rock", bpm: 120, key: MusicalKey(key: "C", scale: "major")))
        XCTAssertNil(file.labels[1].bpm)
        XCTAssertEqual(file.labels[1].key, MusicalKey(key: "C#", scale: "minor"))
        XCTAssertEqual(file.labels[2].genre, "jazz")
        XCTAssertEqual(file.warnings, [
            "line 3: bpm \"-5\" is not a positive number; tempo label ignored",
            "line 4: bpm \"fast\" is not a positive number; tempo label ignored",
            "line 4: key \"H major\" is not a tonic (C, C#/Db, …) with major/minor; key label ignored",
            "line 5: no path; row skipped",
            "line 6: key and scale go together; key label ignored",
        ])
    }

    func testAHeaderWithoutPathIsOneClearWarning() {
        let file = LabelsFile(text: "file,bpm\na.wav,120\n", relativeTo: URL(fileURLWithPath: "/"))
        XCTAssertEqual(file.labels, [])
        XCTAssertEqual(file.warnings.count, 1)
    }
}
