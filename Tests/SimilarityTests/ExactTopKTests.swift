import Similarity
import TestSupport
import XCTest

final class ExactTopKTests: XCTestCase {
    func testTiesAreBrokenByIdAndZeroVectorsAreLeftOut() {
        // 9-d so the packing pads a second SIMD8 lane; five exact duplicates tie.
        let base: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        var embeddings: [Int64: [Float]] = [:]
        for id in [40, 10, 30, 20, 50] as [Int64] { embeddings[id] = base.map { $0 * Float(id) } }
        embeddings[5] = [Float](repeating: 0, count: 9)
        embeddings[6] = base.reversed()
        embeddings[1] = base
        let index = SimilarityIndex(embeddings: embeddings)
        XCTAssertFalse(index.contains(5))
        XCTAssertEqual(index.count, 7)
        let neighbors = index.nearest(to: 1, count: 3)!
        XCTAssertEqual(neighbors.map(\.trackId), [10, 20, 30])
        neighbors.forEach { XCTAssertEqual($0.score, 1, accuracy: 1e-6) }
        XCTAssertEqual(index.nearest(to: 1, count: 10)!.map(\.trackId), [10, 20, 30, 40, 50, 6])
        XCTAssertEqual(index.nearest(to: [Float](repeating: 0, count: 9), count: 3), [], "a zero query has no direction")
    }

    func testAgreesWithASortOfEveryCosineOnRandomVectors() {
        // 25,000 rows are scanned in one slice per core (from 20,000 on), 600 in one.
        for count in [600, 25_000] {
            agreesWithASortOfEveryCosine(count: count)
        }
    }

    private func agreesWithASortOfEveryCosine(count: Int) {
        var generator = SeededRandom(seed: 7)
        let embeddings = RandomEmbeddings.clustered(count: count, dimension: 37, clusters: 6, using: &generator)
        let index = SimilarityIndex(embeddings: embeddings)
        for query in [Int64(3), 100, Int64(count - 1), Int64(count / 2)] {
            let expected = embeddings.keys.filter { $0 != query }
                .map { (id: $0, score: RandomEmbeddings.cosine(embeddings[query]!, embeddings[$0]!)) }
                .sorted { $0.score > $1.score }.prefix(15).map(\.id)
            let found = index.nearest(to: query, count: 15)!
            XCTAssertEqual(found.map(\.trackId), expected)
            XCTAssertEqual(found.first!.score, RandomEmbeddings.cosine(embeddings[query]!, embeddings[expected[0]]!), accuracy: 1e-5)
        }
    }

    func testTheFilterIsAppliedBeforeTheCut() {
        // Tracks 1…30 at growing angles from the query (id 100): the 10 nearest are 1…10.
        var embeddings: [Int64: [Float]] = [100: [1, 0]]
        for id in 1...30 { embeddings[Int64(id)] = [Float(cos(Double(id) * 0.05)), Float(sin(Double(id) * 0.05))] }
        let index = SimilarityIndex(embeddings: embeddings)
        let found = index.nearest(to: [1, 0], count: 10, excluding: [100], accepting: { $0 > 10 })
        XCTAssertEqual(found.map(\.trackId), Array(11...20).map(Int64.init))
    }
}
