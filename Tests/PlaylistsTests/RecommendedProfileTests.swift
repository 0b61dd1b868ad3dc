import Playlists
import TrackStore
import XCTest

final class RecommendedProfileTests: XCTestCase {
    private func signal(_ temperley: String, _ krumhansl: String, _ edma: String) -> SignalFeatures {
        let keys: [KeyProfile: KeyEstimate] = [.temperley: KeyEstimate(key: temperley, scale: "major", strength: 1),
                                               .krumhansl: KeyEstimate(key: krumhansl, scale: "major", strength: 1),
                                               .edma: KeyEstimate(key: edma, scale: "major", strength: 1)]
        return SignalFeatures(trackId: 1, bpm: 120, bpmConfidence: 1, keys: keys, loudnessLufs: nil,
                              loudnessRangeLu: nil, provenance: "test")
    }

    func testTheProfileClosestToTheOtherTwoWins() {
        let signals = [signal("C", "C", "E"), signal("C", "D", "D"), signal("D", "D", "D")]
        XCTAssertEqual(meanAgreement(for: signals), [.temperley: 3.0 / 6, .krumhansl: 4.0 / 6, .edma: 3.0 / 6])
        XCTAssertEqual(recommendedProfile(for: signals), .krumhansl)
    }

    func testScaleCountsInAgreement() {
        // Every profile names tonic A; only the scales tell them apart.
        var first = signal("A", "A", "A"), second = signal("A", "A", "A")
        (first.scaleKrumhansl, first.scaleEdma) = ("minor", "minor")
        second.scaleEdma = "minor"
        XCTAssertEqual(meanAgreement(for: [first, second]), [.temperley: 0.25, .krumhansl: 0.5, .edma: 0.25])
        XCTAssertEqual(recommendedProfile(for: [first, second]), .krumhansl)
    }

    func testEnharmonicSpellingsAgree() {
        XCTAssertEqual(meanAgreement(for: [signal("C#", "Db", "D")]), [.temperley: 0.5, .krumhansl: 0.5, .edma: 0])
    }

    func testTiesGoToTheEarlierProfileAndEmptyCollectionsToTemperley() {
        XCTAssertEqual(recommendedProfile(for: []), .temperley)
        XCTAssertEqual(recommendedProfile(for: [signal("C", "D", "E")]), .temperley, "all tie at zero")
        XCTAssertEqual(recommendedProfile(for: [signal("C", "D", "D")]), .krumhansl, "krumhansl and edma tie")
        XCTAssertEqual(recommendedProfile(for: [signal("C", "C", "D"), signal("E", "F", "E")]), .temperley)
    }
}
