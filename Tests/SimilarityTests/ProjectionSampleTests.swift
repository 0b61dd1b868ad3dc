@testable import Similarity
import XCTest

/// The rows the EffNet graph's projection axes are fitted to.
final class ProjectionSampleTests: XCTestCase {
    func testThePeriodicLayoutOfAlbumsDoesNotAliasWithTheSample() {
        // The benchmark's layout: ten consecutive tracks an album, 2,000 clusters in turn.
        let rows = Projection.sampledRows(of: 1_000_000, 4000)
        let clusters = Set(rows.map { ($0 / 10) % 2000 })
        XCTAssertGreaterThan(clusters.count, 1900, "a fixed step of 250 rows sees 80 clusters")
    }

    func testTheSampleIsSpreadEvenlyDistinctAndRepeatable() {
        let rows = Projection.sampledRows(of: 1_000_000, 4000)
        XCTAssertEqual(rows.count, 4000)
        XCTAssertTrue(zip(rows, rows.dropFirst()).allSatisfy { $0 < $1 }, "distinct, in row order")
        for (stratum, row) in rows.enumerated() { XCTAssertEqual(row / 250, stratum, "one row from each stratum") }
        XCTAssertEqual(Projection.sampledRows(of: 1_000_000, 4000), rows)
        XCTAssertEqual(Projection.sampledRows(of: 300, 4000), Array(0..<300), "a small index is fitted to every row")
    }
}
