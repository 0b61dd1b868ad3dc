import Similarity
import TestSupport
import XCTest

/// The HNSW engine, forced on a mid-size clustered set, against the exact index as ground truth.
final class ApproximateRecallTests: XCTestCase {
    private func recallAt10(approximate: SimilarityIndex, exact: SimilarityIndex, queries: [Int64],
                            accept: ((Int64) -> Bool)? = nil) -> Double {
        var hits = 0, expected = 0
        for query in queries {
            let vector = exact.unitVector(of: query)!
            let truth = exact.nearest(to: vector, count: 10, excluding: [query], accepting: accept).map(\.trackId)
            let found = approximate.nearest(to: vector, count: 10, excluding: [query], accepting: accept)
            XCTAssertEqual(found.count, 10)
            XCTAssertFalse(found.contains { $0.trackId == query }, "the query is excluded")
            if let accept { XCTAssertTrue(found.allSatisfy { accept($0.trackId) }, "only tracks that pass") }
            hits += Set(truth).intersection(found.map(\.trackId)).count
            expected += truth.count
        }
        return Double(hits) / Double(expected)
    }

    func testHNSWOverTheVectorsFindsTheExactNeighbours() {
        var generator = SeededRandom(seed: 21)
        let embeddings = RandomEmbeddings.clustered(count: 6000, dimension: 48, clusters: 40, using: &generator)
        let exact = SimilarityIndex(embeddings: embeddings)
        let approximate = SimilarityIndex(embeddings: embeddings, approximate: ApproximateSearch(breadth: 80))
        XCTAssertTrue(approximate.isApproximate)
        XCTAssertFalse(exact.isApproximate)
        let queries = (0..<100).map { Int64($0 * 59) }
        XCTAssertGreaterThanOrEqual(recallAt10(approximate: approximate, exact: exact, queries: queries), 0.95)
        // Scores are re-computed on the exact rows: a found neighbour scores what the exact index says.
        let found = approximate.nearest(to: 7, count: 3)!
        for neighbour in found { XCTAssertEqual(neighbour.score, exact.cosine(7, neighbour.trackId)!, accuracy: 1e-6) }
    }

    func testHNSWOverAProjectionWithExactRescoring() {
        var generator = SeededRandom(seed: 22)
        let embeddings = RandomEmbeddings.clustered(count: 4000, dimension: 160, clusters: 30, using: &generator)
        let exact = SimilarityIndex(embeddings: embeddings)
        let approximate = SimilarityIndex(embeddings: embeddings, approximate: ApproximateSearch(breadth: 200, projectedDimension: 40))
        let queries = (0..<60).map { Int64($0 * 61) }
        XCTAssertGreaterThanOrEqual(recallAt10(approximate: approximate, exact: exact, queries: queries), 0.95)
    }

    /// Half pass over 20,000 tracks: the search widens to twice its breadth (cheaper than the scan here),
    /// so the passing candidates reach as deep as an unfiltered query's.
    func testAWideFilterWidensTheHNSWSearchAndKeepsItsRecall() {
        var generator = SeededRandom(seed: 24)
        let embeddings = RandomEmbeddings.clustered(count: 20000, dimension: 48, clusters: 60, using: &generator)
        let exact = SimilarityIndex(embeddings: embeddings)
        let approximate = SimilarityIndex(embeddings: embeddings, approximate: ApproximateSearch(breadth: 80))
        let queries = (0..<60).map { Int64($0 * 331 + 5) }
        XCTAssertGreaterThanOrEqual(recallAt10(approximate: approximate, exact: exact, queries: queries,
                                               accept: { $0 % 2 == 0 }), 0.95)
    }

    func testFiltersNarrowTheHNSWAnswerBeforeTheCut() {
        var generator = SeededRandom(seed: 23)
        let embeddings = RandomEmbeddings.clustered(count: 6000, dimension: 48, clusters: 40, using: &generator)
        let exact = SimilarityIndex(embeddings: embeddings)
        let approximate = SimilarityIndex(embeddings: embeddings, approximate: ApproximateSearch(breadth: 80))
        let queries = (0..<50).map { Int64($0 * 97 + 3) }
        // A third pass: so few tracks that the exact scan over them costs less than widening the search.
        XCTAssertGreaterThanOrEqual(recallAt10(approximate: approximate, exact: exact, queries: queries,
                                               accept: { $0 % 3 == 0 }), 0.95)
        // Twelve pass, at most one per cluster: too few among the graph's candidates to widen for, so the
        // exact scan over those answers, exactly.
        let rare: (Int64) -> Bool = { $0 < 12 }
        for query in queries {
            let vector = exact.unitVector(of: query)!
            XCTAssertEqual(approximate.nearest(to: vector, count: 10, excluding: [query], accepting: rare),
                           exact.nearest(to: vector, count: 10, excluding: [query], accepting: rare))
        }
    }
}
