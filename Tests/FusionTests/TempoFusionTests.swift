import Fusion
import XCTest

final class TempoFusionTests: XCTestCase {
    func testHalfTempoEstimatorIsOutvoted() throws {
        let fused = try XCTUnwrap(TempoFusion.fuse([
            TempoVote(source: "re2013", bpm: 128, weight: 1),
            TempoVote(source: "tempocnn", bpm: 64, weight: 0.75),
            TempoVote(source: "percival", bpm: 127, weight: 0.75),
        ]))
        XCTAssertEqual(fused.bpm, 128)
        XCTAssertEqual(fused.agreeing, ["re2013", "percival"])
        XCTAssertEqual(fused.atOtherLevel, ["tempocnn"])
        XCTAssertEqual(fused.decidedBy, "re2013+percival; tempocnn at another level")
    }

    func testAgreementIsKeptFarFromThePreferredTempo() throws {
        for bpm in [55.0, 70, 200, 240] {
            let fused = try XCTUnwrap(TempoFusion.fuse([
                TempoVote(source: "re2013", bpm: bpm, weight: 0.5),
                TempoVote(source: "tempocnn", bpm: bpm * 1.01, weight: 0.5),
                TempoVote(source: "percival", bpm: bpm, weight: 0.75),
            ]))
            XCTAssertEqual(fused.bpm, bpm, "unanimous \(bpm) BPM")
            XCTAssertEqual(fused.agreeing, ["re2013", "tempocnn", "percival"])
        }
    }

    func testAnOctaveSplitGoesToTheLevelNearerThePreferredTempo() throws {
        let votes = [TempoVote(source: "re2013", bpm: 180, weight: 0.75), TempoVote(source: "tempocnn", bpm: 90, weight: 0.75)]
        XCTAssertEqual(try XCTUnwrap(TempoFusion.fuse(votes)).bpm, 90)
        XCTAssertEqual(try XCTUnwrap(TempoFusion.fuse(votes.reversed())).bpm, 90)
        let slow = [TempoVote(source: "re2013", bpm: 60, weight: 0.75), TempoVote(source: "tempocnn", bpm: 120, weight: 0.75)]
        XCTAssertEqual(try XCTUnwrap(TempoFusion.fuse(slow)).bpm, 120)
    }

    func testConfidenceOutweighsThePriorInAnOctaveSplit() throws {
        // A sure 70 against an unsure 140: 1.0 + 0.5/4 at 70 beats (0.5 + 1.0/4) at 140 despite the prior.
        let fused = try XCTUnwrap(TempoFusion.fuse([
            TempoVote(source: "re2013", bpm: 140, weight: 0.5),
            TempoVote(source: "tempocnn", bpm: 70, weight: 1),
        ]))
        XCTAssertEqual(fused.bpm, 70)
        XCTAssertEqual(fused.decidedBy, "tempocnn; re2013 at another level")
    }

    func testATripleLevelIsProposedButNeedsADirectVote() throws {
        // 3/2 × 80 = 120 is a candidate from the first voter, and the second voter is directly there.
        let fused = try XCTUnwrap(TempoFusion.fuse([
            TempoVote(source: "re2013", bpm: 80, weight: 0.6),
            TempoVote(source: "tempocnn", bpm: 120, weight: 0.8),
            TempoVote(source: "percival", bpm: 121, weight: 0.75),
        ]))
        XCTAssertEqual(fused.bpm, 120)
        XCTAssertEqual(fused.atOtherLevel, ["re2013"])
    }

    func testEqualScoresGoToTheEarlierVoter() throws {
        // 90 and 160 are equally far (in octaves) from 120 and unrelated metrically.
        let a = TempoVote(source: "a", bpm: 90, weight: 1), b = TempoVote(source: "b", bpm: 160, weight: 1)
        XCTAssertEqual(try XCTUnwrap(TempoFusion.fuse([a, b])).bpm, 90)
        XCTAssertEqual(try XCTUnwrap(TempoFusion.fuse([b, a])).bpm, 160)
    }

    func testNoTempoWithoutPositiveVotes() {
        XCTAssertNil(TempoFusion.fuse([]))
        XCTAssertNil(TempoFusion.fuse([TempoVote(source: "re2013", bpm: 0, weight: 1), TempoVote(source: "x", bpm: 120, weight: 0)]))
    }

    func testPriorAndWeights() {
        XCTAssertEqual(TempoFusion.prior(120), 1)
        XCTAssertEqual(TempoFusion.prior(60), exp(-0.5), accuracy: 1e-12)
        XCTAssertEqual(TempoFusion.prior(240), TempoFusion.prior(60), accuracy: 1e-12)
        XCTAssertEqual(TempoFusion.weight(re2013Confidence: 0), 0.5)
        XCTAssertEqual(TempoFusion.weight(re2013Confidence: 5.32), 1)
        XCTAssertEqual(TempoFusion.weight(tempoCNNAgreement: 0.5), 0.75)
    }
}
