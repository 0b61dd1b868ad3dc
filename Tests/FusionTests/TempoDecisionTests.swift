@testable import Fusion
import XCTest

/// The fitted tempo decision on exact cases; the probabilities follow from the committed coefficients
/// (evaluation/devset/fit.py), so a refit changes them and these figures are updated with it.
final class TempoDecisionTests: XCTestCase {
    func testTwoSureEstimatorsAnOctaveApartGiveTheLevelNearer120WithoutAlternative() throws {
        let shown = try XCTUnwrap(TempoDecision.shown(TempoEstimates(re2013: 70, re2013Confidence: 3.5, tempoCNN: 140,
                                                                     tempoCNNAgreement: 1, danceability: 1.5)))
        XCTAssertEqual(shown.bpm, 140)
        XCTAssertEqual(shown.decidedBy, "tempocnn")
        XCTAssertEqual(shown.probability ?? -1, 0.8157, accuracy: 5e-4)
        XCTAssertNil(shown.alternative, "70 BPM has 0.158, under half of 0.816")
    }

    func testAgreeingEstimatorsAndTheHistogramAreSure() throws {
        let shown = try XCTUnwrap(TempoDecision.shown(TempoEstimates(
            re2013: 128, re2013Confidence: 4, tempoCNN: 128, tempoCNNAgreement: 1, beatMedian: 128,
            beatPeaks: [.init(bpm: 128, weight: 0.8)], danceability: 1.8)))
        XCTAssertEqual(shown.bpm, 128)
        XCTAssertEqual(shown.decidedBy, "re2013+tempocnn")
        XCTAssertEqual(shown.probability ?? -1, 0.9078, accuracy: 5e-4)
        XCTAssertNil(shown.alternative)
    }

    func testAnUnsureOctaveNamesTheOtherLevel() throws {
        let shown = try XCTUnwrap(TempoDecision.shown(TempoEstimates(
            re2013: 85, re2013Confidence: 1, tempoCNN: 170, tempoCNNAgreement: 0.3, beatMedian: 85,
            beatPeaks: [.init(bpm: 85, weight: 0.5), .init(bpm: 170, weight: 0.2)], danceability: 1)))
        XCTAssertEqual(shown.bpm, 170)
        XCTAssertEqual(shown.decidedBy, "tempocnn")
        XCTAssertEqual(shown.probability ?? -1, 0.338, accuracy: 5e-4)
        XCTAssertEqual(shown.alternative, 85, "0.190 is at least half of 0.338")
    }

    func testTheShownValueIsAlwaysAnEstimateOrItsOctave() throws {
        for (re2013, tempoCNN) in [(60.0, 181.0), (95.0, 143.0), (200.0, 67.0), (33.0, 250.0), (120.0, 119.0)] {
            let shown = try XCTUnwrap(TempoDecision.shown(TempoEstimates(re2013: re2013, re2013Confidence: 2, tempoCNN: tempoCNN,
                                                                         tempoCNNAgreement: 0.5, danceability: 1.2)))
            XCTAssertNotNil(shown.probability, "the model ran")
            let levels = [re2013, tempoCNN].flatMap { [$0, $0 / 2, $0 * 2] }
            XCTAssertTrue(levels.contains { TempoDecision.sameTempo(shown.bpm, $0) }, "\(re2013)/\(tempoCNN) → \(shown.bpm)")
            XCTAssertTrue(TempoDecision.range.contains(shown.bpm))
        }
    }

    func testAMissingEstimatorShowsTheOtherOnesOwnTempo() throws {
        // Fitted with both estimators, the model would show a lone 200 BPM at 100: it does not run without one.
        let alone = try XCTUnwrap(TempoDecision.shown(TempoEstimates(re2013: 200, re2013Confidence: 1)))
        XCTAssertEqual(alone.bpm, 200)
        XCTAssertEqual(alone.decidedBy, "re2013 (incomplete inputs)")
        XCTAssertNil(alone.probability)
        let tempoCNN = try XCTUnwrap(TempoDecision.shown(TempoEstimates(re2013: 0, tempoCNN: 97, tempoCNNAgreement: 0.2)))
        XCTAssertEqual(tempoCNN.bpm, 97)
        XCTAssertEqual(tempoCNN.decidedBy, "tempocnn (incomplete inputs)")
        let noEvidence = try XCTUnwrap(TempoDecision.shown(TempoEstimates(re2013: 128, re2013Confidence: 3, tempoCNN: 128,
                                                                          tempoCNNAgreement: 1)))
        XCTAssertEqual(noEvidence.bpm, 128, "without the evidence group the model does not run")
        XCTAssertEqual(noEvidence.decidedBy, "tempocnn (incomplete inputs)")
    }

    func testNoPositiveEstimateShowsNothing() {
        XCTAssertNil(TempoDecision.shown(TempoEstimates(re2013: 0, tempoCNN: nil)))
        XCTAssertNil(TempoDecision.shown(TempoEstimates(re2013: nil)))
    }

    func testEveryFeatureHasACoefficient() {
        XCTAssertEqual(TempoDecision.features(of: TempoEstimates(re2013: 120, danceability: 1), at: 120).count,
                       TempoDecision.coefficients.count)
    }
}
