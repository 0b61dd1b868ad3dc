import Fusion
import XCTest

final class KeyFusionTests: XCTestCase {
    private func vote(_ source: String, _ pitchClass: Int, minor: Bool, _ strength: Double) -> KeyVote {
        KeyVote(source: source, pitchClass: pitchClass, minor: minor, strength: strength)
    }

    func testAgreementIsKept() throws {
        let shown = try XCTUnwrap(KeyFusion.shown([vote("a", 2, minor: true, 0.6), vote("b", 2, minor: true, 0.4)]))
        XCTAssertEqual(shown.pitchClass, 2)
        XCTAssertTrue(shown.minor)
        XCTAssertEqual(shown.agreeing, ["a", "b"])
        XCTAssertEqual(shown.score, 1.0, accuracy: 1e-12)
    }

    func testARelativeDisagreementGoesToTheModeMoreVotesHear() throws {
        // C major against A minor twice: A minor scores 0.6 + 0.5 + 0.3 × 0.7, C major 0.7 + 0.3 × 1.1.
        let shown = try XCTUnwrap(KeyFusion.shown([
            vote("krumhansl", 0, minor: false, 0.7), vote("edma", 9, minor: true, 0.6), vote("bgate", 9, minor: true, 0.5),
        ]))
        XCTAssertEqual(shown.pitchClass, 9)
        XCTAssertTrue(shown.minor)
        XCTAssertEqual(shown.agreeing, ["edma", "bgate"])
    }

    func testAParallelDisagreementGoesToTheStrongerMode() throws {
        let shown = try XCTUnwrap(KeyFusion.shown([
            vote("a", 0, minor: false, 0.9), vote("b", 0, minor: true, 0.5), vote("c", 0, minor: true, 0.5),
        ]))
        XCTAssertEqual(shown.pitchClass, 0)
        XCTAssertTrue(shown.minor, "1.0 + 0.2 × 0.9 beats 0.9 + 0.2 × 1.0")
    }

    func testFifthNeighboursSupportTheKeyBetweenThem() throws {
        // F and G major both lean on C major, a fifth from each: 0.5 + 0.225 + 0.225 beats 0.45 + 0.25.
        let shown = try XCTUnwrap(KeyFusion.shown([
            vote("a", 7, minor: false, 0.45), vote("b", 0, minor: false, 0.5), vote("c", 5, minor: false, 0.45),
        ]))
        XCTAssertEqual(shown.pitchClass, 0)
        XCTAssertFalse(shown.minor)
    }

    func testTiesGoToExactVotesThenToTheEarliestVote() throws {
        // C major collects 0.3 + 0.3 from G and F major, as much as either; the exact voters win.
        let split = try XCTUnwrap(KeyFusion.shown([vote("g", 7, minor: false, 0.6), vote("f", 5, minor: false, 0.6)]))
        XCTAssertEqual(split.pitchClass, 7)
        let reversed = try XCTUnwrap(KeyFusion.shown([vote("f", 5, minor: false, 0.6), vote("g", 7, minor: false, 0.6)]))
        XCTAssertEqual(reversed.pitchClass, 5)
    }

    func testAffinityIsTheSymmetricMirexWeight() {
        let cMajor = vote("x", 0, minor: false, 1), aMinor = vote("x", 9, minor: true, 1)
        XCTAssertEqual(KeyFusion.affinity(pitchClass: 9, minor: true, to: cMajor), 0.3)
        XCTAssertEqual(KeyFusion.affinity(pitchClass: 0, minor: false, to: aMinor), 0.3)
        XCTAssertEqual(KeyFusion.affinity(pitchClass: 0, minor: true, to: cMajor), 0.2)
        XCTAssertEqual(KeyFusion.affinity(pitchClass: 7, minor: false, to: cMajor), 0.5)
        XCTAssertEqual(KeyFusion.affinity(pitchClass: 5, minor: false, to: cMajor), 0.5)
        XCTAssertEqual(KeyFusion.affinity(pitchClass: 2, minor: false, to: cMajor), 0)
        XCTAssertEqual(KeyFusion.affinity(pitchClass: 4, minor: true, to: cMajor), 0, "E minor is not C major's relative")
    }

    func testNoKeyWithoutStrength() {
        XCTAssertNil(KeyFusion.shown([]))
        XCTAssertNil(KeyFusion.shown([vote("a", 9, minor: true, 0)]))
    }
}
