import Foundation
@testable import Report
import TestSupport
import TrackStore
import XCTest

/// Key agreement on a store whose keys are chosen by hand, including enharmonic spellings.
final class KeyAgreementTests: TemporaryDirectoryTestCase {
    /// temperley, krumhansl, edma per track. All agree: 1, 2, 7. temperley = krumhansl: 1, 2, 3, 7;
    /// temperley = edma: 1, 2, 4, 7, 8; krumhansl = edma: 1, 2, 5, 7, 9. In the majority:
    /// temperley 6, krumhansl 6, edma 7 of 9 tracks, so edma is the one to show.
    static let keys: [(String, String, String)] = [
        ("C major", "C major", "C major"),
        ("C# major", "Db major", "C# major"),
        ("G major", "G major", "E minor"),
        ("F minor", "Ab major", "F minor"),
        ("B minor", "D major", "D major"),
        ("C major", "G major", "D major"),
        ("A minor", "A minor", "A minor"),
        ("Bb major", "Bb minor", "Bb major"),
        ("F# minor", "A major", "A major"),
    ]

    func testAgreementPercentagesAndRecommendation() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("keys.sqlite").path)
        for (index, names) in Self.keys.enumerated() {
            let estimates = [names.0, names.1, names.2].map { name -> KeyEstimate in
                let parts = name.split(separator: " ").map(String.init)
                return KeyEstimate(key: parts[0], scale: parts[1], strength: 0.7)
            }
            try builder.addTrack(path: "/music/\(index).mp3",
                                 keys: [.temperley: estimates[0], .krumhansl: estimates[1], .edma: estimates[2]])
        }
        let written = try ReportWriter.write(store: builder.store, to: directory.appendingPathComponent("report"))
        let page = try PageReader(written.page)
        XCTAssertEqual(page.figure("key-tracks"), "9")
        XCTAssertEqual(page.figure("keys-all-agree"), "33.3 %")
        XCTAssertEqual(page.figure("keys-temperley-krumhansl"), "44.4 %")
        XCTAssertEqual(page.figure("keys-temperley-edma"), "55.6 %")
        XCTAssertEqual(page.figure("keys-krumhansl-edma"), "55.6 %")
        XCTAssertEqual(page.figure("key-recommendation"), "edma")
        XCTAssertEqual(written.report.keys.recommendation?.inMajority, [.temperley: 6, .krumhansl: 6, .edma: 7])
        XCTAssertEqual(written.report.keys.recommendation?.isTie, false)
    }

    func testTiedProfilesRecommendTheFirstAndSaySo() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("tie.sqlite").path)
        try builder.addTrack(path: "/music/a.mp3", key: KeyEstimate(key: "E", scale: "minor", strength: 0.5))
        let report = CollectionReport(try ReportData(store: builder.store))
        XCTAssertEqual(report.keys.recommendation, KeySummary.Recommendation(
            profile: .temperley, inMajority: [.temperley: 1, .krumhansl: 1, .edma: 1], isTie: true))
    }

    func testKeyClassesJoinEnharmonicSpellings() {
        XCTAssertEqual(KeyClass(key: "Db", scale: "major"), KeyClass(key: "C#", scale: "major"))
        XCTAssertEqual(KeyClass(key: "Cb", scale: "minor"), KeyClass(key: "B", scale: "minor"))
        XCTAssertEqual(KeyClass(key: "Eb", scale: "minor")?.name, "Eb minor")
        XCTAssertNotEqual(KeyClass(key: "A", scale: "major"), KeyClass(key: "A", scale: "minor"))
        XCTAssertNil(KeyClass(key: "", scale: ""))
        XCTAssertNil(KeyClass(key: "H", scale: "major"))
        XCTAssertEqual(KeyClass.all.count, 24)
        XCTAssertEqual(Set(KeyClass.all).count, 24)
    }
}
