@testable import MusicMap
import XCTest

/// A large collection's plane is fitted to a sample spread over it (see `StratifiedSample`); a small one's to every track.
final class FittedSampleTests: XCTestCase {
    func testTheSampleSpansTheCollectionEvenly() {
        let ids = (0..<12_000).map { Int64($0 * 3 + 7) }
        let sample = MusicMapProjector.sample(ids)
        XCTAssertEqual(sample.count, MusicMapProjector.fittedSample)
        XCTAssertEqual(sample.first, ids.first)
        XCTAssertGreaterThan(sample.last!, ids[ids.count - 4], "reaches the end of the id range")
        XCTAssertTrue(zip(sample, sample.dropFirst()).allSatisfy { $0 < $1 }, "distinct, in id order")
        XCTAssertEqual(MusicMapProjector.sample(ids), sample, "deterministic")
        XCTAssertEqual(MusicMapProjector.sample(Array(ids.prefix(300))), Array(ids.prefix(300)))
    }
}
