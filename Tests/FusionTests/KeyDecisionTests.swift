@testable import Fusion
import XCTest

/// The fitted key decision on exact cases; the probabilities follow from the committed coefficients
/// (evaluation/devset/fit.py), so a refit changes them and these figures are updated with it.
final class KeyDecisionTests: XCTestCase {
    private func votes(_ keys: [String: (Int, Bool)]) -> [KeyVote] {
        // Every profile tonearm stores, not only the decision's: the ones it does not read must not count.
        ["temperley", "krumhansl", "edma", "bgate", "shaath"].compactMap { profile in
            keys[profile].map { KeyVote(source: profile, pitchClass: $0.0, minor: $0.1) }
        }
    }

    // The committed fit never overrules bgate (fit.py's held-out check: on the validation part the model
    // scored below bgate alone), so bgate's key is shown and the model gives its probability.

    func testUnanimousProfilesAreSure() throws {
        let shown = try XCTUnwrap(KeyDecision.shown(votes(Dictionary(uniqueKeysWithValues: KeyDecision.profiles.map { ($0, (0, false)) }))))
        XCTAssertEqual(shown.pitchClass, 0)
        XCTAssertFalse(shown.minor)
        XCTAssertEqual(shown.probability ?? -1, 0.8238, accuracy: 5e-4)
        XCTAssertEqual(shown.decidedBy, "bgate")
    }

    func testOnlyTheFittedProfilesVote() throws {
        // krumhansl and edma (A minor) are not read by the decision: C major stands alone, as if unanimous.
        let shown = try XCTUnwrap(KeyDecision.shown(votes(["temperley": (0, false), "krumhansl": (9, true), "edma": (9, true),
                                                           "bgate": (0, false), "shaath": (0, false)])))
        XCTAssertEqual(shown.pitchClass, 0)
        XCTAssertFalse(shown.minor)
        XCTAssertEqual(shown.probability ?? -1, 0.8238, accuracy: 5e-4)
    }

    func testTheProbabilityIsTheShownKeys() throws {
        // C major by temperley and bgate; A minor by shaath: bgate's C major, with two profiles naming it.
        let agreed = try XCTUnwrap(KeyDecision.shown(votes(["temperley": (0, false), "bgate": (0, false), "shaath": (9, true)])))
        XCTAssertEqual(agreed.pitchClass, 0)
        XCTAssertFalse(agreed.minor)
        XCTAssertEqual(agreed.probability ?? -1, 0.664, accuracy: 5e-4)
        // C major by temperley and shaath; A minor by bgate: the model prefers C major (0.550), yet bgate's A minor
        // is shown, at the model's 0.355 for it.
        let outvoted = try XCTUnwrap(KeyDecision.shown(votes(["temperley": (0, false), "bgate": (9, true), "shaath": (0, false)])))
        XCTAssertEqual(outvoted.pitchClass, 9)
        XCTAssertTrue(outvoted.minor)
        XCTAssertEqual(outvoted.probability ?? -1, 0.3547, accuracy: 5e-4)
        XCTAssertEqual(outvoted.decidedBy, "bgate")
    }

    func testScatteredProfilesShowBgateWithALowProbability() throws {
        // Three unrelated keys: bgate's F# minor at 0.161.
        let scattered = try XCTUnwrap(KeyDecision.shown(votes(["temperley": (0, false), "bgate": (6, true), "shaath": (3, false)])))
        XCTAssertEqual(scattered.pitchClass, 6)
        XCTAssertTrue(scattered.minor)
        XCTAssertEqual(scattered.probability ?? -1, 0.1607, accuracy: 5e-4)
        // G major (temperley) between D major (bgate) and C major (shaath): D major, one related vote, 0.245.
        let fifths = try XCTUnwrap(KeyDecision.shown(votes(["temperley": (7, false), "bgate": (2, false), "shaath": (0, false)])))
        XCTAssertEqual(fifths.pitchClass, 2)
        XCTAssertFalse(fifths.minor)
        XCTAssertEqual(fifths.probability ?? -1, 0.2449, accuracy: 5e-4)
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
