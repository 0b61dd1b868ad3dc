import Foundation
import Similarity
import TestSupport
import XCTest

final class PathTests: XCTestCase {
    func testASlerpPathFollowsTheGreatCircle() {
        // Start (1) and end (2) 100° apart in the xy plane, a track every 10° between them and decoys off the plane.
        var embeddings: [Int64: [Float]] = [1: [1, 0, 0], 2: [Float(cos(100 * Double.pi / 180)), Float(sin(100 * Double.pi / 180)), 0]]
        for step in 1...9 {
            let radians = Double(step) * 10 * .pi / 180
            embeddings[Int64(100 + step)] = [Float(cos(radians)), Float(sin(radians)), 0]
            embeddings[Int64(200 + step)] = [Float(cos(radians)), Float(sin(radians)), 2]
        }
        let index = SimilarityIndex(embeddings: embeddings)
        let path = index.path(from: 1, to: 2, length: 6, method: .slerp)!
        XCTAssertEqual(path.trackIds, [1, 102, 104, 106, 108, 2])
        XCTAssertEqual(path.stepCosines.count, 5)
        XCTAssertEqual(path.smoothness.largestStep, 20, accuracy: 1e-2)
        XCTAssertEqual(path.smoothness.meanStep, 20, accuracy: 1e-2)
        XCTAssertEqual(path.smoothness.progress, 1)
    }

    func testEveryMethodGivesTheRequestedLengthFromStartToEndWithoutRepeats() {
        var generator = SeededRandom(seed: 3)
        let index = SimilarityIndex(embeddings: RandomEmbeddings.clustered(count: 400, dimension: 24, clusters: 5, using: &generator))
        for method in PathMethod.allCases {
            for length in [2, 3, 12, 40] {
                let path = index.path(from: 7, to: 9, length: length, method: method)!
                XCTAssertEqual(path.trackIds.count, length, "\(method)")
                XCTAssertEqual(path.trackIds.first, 7)
                XCTAssertEqual(path.trackIds.last, 9)
                XCTAssertEqual(Set(path.trackIds).count, length, "\(method) repeats a track")
            }
        }
        XCTAssertNil(index.path(from: 7, to: 7, length: 5))
        XCTAssertNil(index.path(from: 7, to: 9, length: 401), "more tracks than the index holds")
        XCTAssertNil(index.path(from: 7, to: 4000, length: 5))
    }
}
