import Foundation
import Similarity
import XCTest

final class SeedsTests: XCTestCase {
    private func direction(_ degrees: Double) -> [Float] {
        [Float(cos(degrees * .pi / 180)), Float(sin(degrees * .pi / 180))]
    }

    /// Track id n sits at n degrees, for n in -60…150 in steps of 5, plus the ones named.
    private func fan(_ extra: [Int64: Double] = [:]) -> SimilarityIndex {
        var embeddings: [Int64: [Float]] = [:]
        for degrees in stride(from: -60, through: 150, by: 5) { embeddings[Int64(degrees)] = direction(Double(degrees)) }
        for (id, degrees) in extra { embeddings[id] = direction(degrees) }
        return SimilarityIndex(embeddings: embeddings)
    }

    func testSeveralSeedsPointBetweenThem() {
        let index = fan()
        let found = index.similar(seeds: [0, 90], count: 3)!
        XCTAssertEqual(found.map(\.trackId), [45, 40, 50])
        XCTAssertEqual(found[0].score, 1, accuracy: 1e-6)
    }

    func testANegativeTurnsTheMixAway() {
        let index = fan()
        XCTAssertEqual(index.similar(seeds: [0], count: 2)!.map(\.trackId), [-5, 5], "a tie, broken by id")
        // (1, 0) − ½ (0, 1) points at −26.6°: the nearest are −25 and −30, and +5 falls behind −10.
        let away = index.similar(seeds: [0], negatives: [90], count: 4)!.map(\.trackId)
        XCTAssertEqual(away, [-25, -30, -20, -35])
        XCTAssertFalse(index.similar(seeds: [0], negatives: [-25], count: 50)!.contains { $0.trackId == -25 },
                       "negatives are never listed")
    }

    func testNoIndexedSeedGivesNil() {
        XCTAssertNil(fan().similar(seeds: [7], count: 3))
    }

    func testAtMostSoManyTracksPerGroup() {
        let index = fan()
        // Everything within 30° of the seed is one artist; the cap lets two through and then goes past them.
        let artist: (Int64) -> String? = { (-30...30).contains($0) ? "one" : ($0 == 120 ? nil : "other \($0)") }
        let found = index.similar(seeds: [0], count: 5, maxPerGroup: 2, group: artist)!.map(\.trackId)
        XCTAssertEqual(found, [-5, 5, -35, 35, -40])
        let everyone = index.similar(seeds: [0], count: 50, maxPerGroup: 1, group: artist)!
        XCTAssertEqual(everyone.filter { artist($0.trackId) == "one" }.map(\.trackId), [-5])
        XCTAssertEqual(everyone.count, 42 - 11, "all but the seed and eleven of that artist's twelve others")
        XCTAssertTrue(everyone.contains { $0.trackId == 120 }, "an untagged track is never capped")
    }
}
