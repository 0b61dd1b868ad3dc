import Similarity
import XCTest

/// The rows the EffNet graph's projection axes and the music map's plane are fitted to.
final class StratifiedSampleTests: XCTestCase {
    func testThePeriodicLayoutOfAlbumsDoesNotAliasWithTheSample() {
        // The benchmark's layout: ten consecutive tracks an album, 2,000 clusters in turn.
        let rows = StratifiedSample.positions(in: 1_000_000, taking: 4000)
        let clusters = Set(rows.map { ($0 / 10) % 2000 })
        XCTAssertGreaterThan(clusters.count, 1900, "a fixed step of 250 rows sees 80 clusters")
    }

    func testTheSampleIsSpreadEvenlyDistinctAndRepeatable() {
        let rows = StratifiedSample.positions(in: 1_000_000, taking: 4000)
        XCTAssertEqual(rows.count, 4000)
        XCTAssertTrue(zip(rows, rows.dropFirst()).allSatisfy { $0 < $1 }, "distinct, in row order")
        for (stratum, row) in rows.enumerated() { XCTAssertEqual(row / 250, stratum, "one row from each stratum") }
        XCTAssertEqual(StratifiedSample.positions(in: 1_000_000, taking: 4000), rows)
        XCTAssertEqual(StratifiedSample.positions(in: 300, taking: 4000), Array(0..<300), "a small index is fitted to every row")
    }
}
