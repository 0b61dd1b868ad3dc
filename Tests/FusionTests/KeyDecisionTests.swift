@testable import Fusion
import XCTest

/// The fitted key decision on exact cases; the probabilities follow from the committed coefficients
/// (evaluation/devset/fit.py), so a refit changes them and these figures are updated with it.
final class KeyDecisionTests: XCTestCase {
    private func votes(_ keys: [String: (Int, Bool)]) -> [KeyVote] {
        KeyDecision.profiles.compactMap { profile in keys[profile].map { KeyVote(source: profile, pitchClass: $0.0, minor: $0.1) } }
    }

    func testUnanimousProfilesAreSure() throws {
        let shown = try XCTUnwrap(KeyDecision.shown(votes(Dictionary(uniqueKeysWithValues: KeyDecision.profiles.map { ($0, (0, false)) }))))
        XCTAssertEqual(shown.pitchClass, 0)
        XCTAssertFalse(shown.minor)
        XCTAssertEqual(shown.probability ?? -1, 0.7957, accuracy: 5e-4)
        XCTAssertEqual(shown.decidedBy, KeyDecision.profiles.joined(separator: "+"))
    }

    func testARelativeSplitGoesToTheMoreTrustedProfiles() throws {
        // C major by temperley, bgate and shaath; A minor by krumhansl and edma.
        let shown = try XCTUnwrap(KeyDecision.shown(votes(["temperley": (0, false), "krumhansl": (9, true), "edma": (9, true),
                                                           "bgate": (0, false), "shaath": (0, false)])))
        XCTAssertEqual(shown.pitchClass, 0)
        XCTAssertFalse(shown.minor)
        XCTAssertEqual(shown.probability ?? -1, 0.8575, accuracy: 5e-4)
        XCTAssertEqual(shown.decidedBy, "temperley+bgate+shaath")
    }

    func testTheModelOverridesBgateWhenSureEnough() throws {
        // C major by temperley, krumhansl and shaath; A minor by edma and bgate.
        let shown = try XCTUnwrap(KeyDecision.shown(votes(["temperley": (0, false), "krumhansl": (0, false), "edma": (9, true),
                                                           "bgate": (9, true), "shaath": (0, false)])))
        XCTAssertEqual(shown.pitchClass, 0)
        XCTAssertFalse(shown.minor)
        XCTAssertEqual(shown.probability ?? -1, 0.6936, accuracy: 5e-4)
        XCTAssertEqual(shown.decidedBy, "temperley+krumhansl+shaath")
    }

    func testUnsureCandidatesFallBackToBgate() throws {
        // G minor by the three stored profiles, F# minor by bgate and shaath: F# minor is the best at 0.484 < 0.5.
        let split = try XCTUnwrap(KeyDecision.shown(votes(["temperley": (7, true), "krumhansl": (7, true), "edma": (7, true),
                                                           "bgate": (6, true), "shaath": (6, true)])))
        XCTAssertEqual(split.pitchClass, 6)
        XCTAssertEqual(split.decidedBy, "fallback bgate")
        XCTAssertEqual(split.probability ?? -1, 0.4836, accuracy: 5e-4)
        // Five different keys: G major (bgate) is also the model's best, at 0.258.
        let scattered = try XCTUnwrap(KeyDecision.shown(votes(["temperley": (0, false), "krumhansl": (3, false), "edma": (6, true),
                                                               "bgate": (7, false), "shaath": (7, true)])))
        XCTAssertEqual(scattered.pitchClass, 7)
        XCTAssertFalse(scattered.minor)
        XCTAssertEqual(scattered.decidedBy, "fallback bgate")
        XCTAssertEqual(scattered.probability ?? -1, 0.2583, accuracy: 5e-4)
    }

    func testWithoutTheEvidenceGroupTheBestStoredProfileIsShown() throws {
        let shown = try XCTUnwrap(KeyDecision.shown(votes(["temperley": (0, false), "krumhansl": (4, true), "edma": (9, true)])))
        XCTAssertEqual(shown.pitchClass, 4, "krumhansl is the best of the three on the training part")
        XCTAssertTrue(shown.minor)
        XCTAssertNil(shown.probability)
        XCTAssertEqual(shown.decidedBy, "krumhansl (incomplete inputs)")
    }

    func testNoVoteShowsNoKey() {
        XCTAssertNil(KeyDecision.shown([]))
        XCTAssertNil(KeyDecision.shown([KeyVote(source: "noland", pitchClass: 0, minor: false)]), "only the fitted profiles vote")
    }

    func testRelatedKeysAreTheMirexRelations() {
        let c = KeyVote(source: "x", pitchClass: 0, minor: false)
        for (pitchClass, minor) in [(7, false), (5, false), (9, true), (0, true)] {
            let key = KeyVote(source: "y", pitchClass: pitchClass, minor: minor)
            XCTAssertTrue(KeyDecision.related(c, key), "\(key)")
            XCTAssertTrue(KeyDecision.related(key, c), "\(key)")
        }
        XCTAssertFalse(KeyDecision.related(c, KeyVote(source: "y", pitchClass: 2, minor: false)))
        XCTAssertFalse(KeyDecision.related(c, KeyVote(source: "y", pitchClass: 4, minor: true)))
    }
}
