import TrackStore
import XCTest

final class KeyProfileRecommendationTests: XCTestCase {
    private func signal(_ temperley: String, _ krumhansl: String, _ edma: String) -> SignalFeatures {
        let keys: [KeyProfile: KeyEstimate] = [.temperley: KeyEstimate(key: temperley, scale: "major", strength: 1),
                                               .krumhansl: KeyEstimate(key: krumhansl, scale: "major", strength: 1),
                                               .edma: KeyEstimate(key: edma, scale: "major", strength: 1)]
        return SignalFeatures(trackId: 1, bpm: 120, bpmConfidence: 1, keys: keys, loudnessLufs: nil,
                              loudnessRangeLu: nil, provenance: "test")
    }

    private func recommend(_ signals: [SignalFeatures]) -> KeyProfileRecommendation? {
        KeyProfileRecommendation(signals: signals)
    }

    func testTheProfileMostOftenInTheMajorityWins() {
        let recommendation = recommend([signal("C", "C", "E"), signal("C", "D", "D"), signal("D", "D", "D")])
        XCTAssertEqual(recommendation?.inMajority, [.temperley: 2, .krumhansl: 3, .edma: 2])
        XCTAssertEqual(recommendation?.profile, .krumhansl)
        XCTAssertEqual(recommendation?.isTie, false)
    }

    func testScaleCountsInAgreement() {
        // Every profile names tonic A; only the scales tell them apart.
        var first = signal("A", "A", "A"), second = signal("A", "A", "A")
        (first.scaleKrumhansl, first.scaleEdma) = ("minor", "minor")
        second.scaleEdma = "minor"
        XCTAssertEqual(recommend([first, second])?.inMajority, [.temperley: 1, .krumhansl: 2, .edma: 1])
        XCTAssertEqual(recommend([first, second])?.profile, .krumhansl)
    }

    func testEnharmonicSpellingsAgree() {
        XCTAssertEqual(recommend([signal("C#", "Db", "D")])?.inMajority, [.temperley: 1, .krumhansl: 1, .edma: 0])
    }

    func testTiesGoToTheEarlierProfileAndEmptyCollectionsToTemperley() {
        XCTAssertNil(recommend([]))
        XCTAssertNil(KeyProfileRecommendation(keys: [[Int](), [], []], missing: -1))
        XCTAssertEqual(recommend([signal("C", "D", "E")])?.profile, .temperley, "all tie at zero")
        XCTAssertEqual(recommend([signal("C", "D", "E")])?.isTie, true)
        XCTAssertEqual(recommend([signal("C", "D", "D")])?.profile, .krumhansl, "krumhansl and edma tie")
        XCTAssertEqual(recommend([signal("C", "C", "D"), signal("E", "F", "E")])?.profile, .temperley)
    }

    func testKeyCodesCountLikeKeysAndMissingOnesAgreeWithNothing() {
        // Per profile (temperley, krumhansl, edma), one code per track; -1 is missing in all three of the second track.
        let codes = KeyProfileRecommendation(keys: [[4, -1, 7], [4, -1, 7], [5, -1, 7]], missing: -1)
        XCTAssertEqual(codes?.inMajority, [.temperley: 2, .krumhansl: 2, .edma: 1])
        XCTAssertEqual(codes, recommend([signal("E", "E", "F"), signal("G", "G", "G")]))
    }
}
