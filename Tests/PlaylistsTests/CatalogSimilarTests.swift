import Foundation
import Playlists
import Similarity
import TestSupport
import TrackStore
import XCTest

final class CatalogSimilarTests: TemporaryDirectoryTestCase {
    /// A unit vector at `degrees` from the x axis in the xy plane, scaled so normalization matters.
    private func direction(_ degrees: Double, length: Float = 1) -> [Float] {
        let radians = degrees * .pi / 180
        return [Float(cos(radians)) * length, Float(sin(radians)) * length, 0]
    }

    func testTopTenIsOrderedByCosineAndExcludesTheQuery() {
        // Ids deliberately out of angle order, lengths varied: only the angle may decide.
        let angles: [Int64: Double] = [7: 50, 3: 10, 12: 120, 5: 30, 1: 80, 9: 20, 2: 60, 11: 170, 4: 40, 8: 100, 6: 5, 10: 140]
        var embeddings = angles.mapValues { direction($0, length: Float($0 / 10 + 0.5)) }
        embeddings[42] = direction(0, length: 3)
        embeddings[13] = [0, 0, 0]
        let index = SimilarityIndex(embeddings: embeddings)
        let neighbors = index.nearest(to: 42, count: 10)!
        XCTAssertEqual(neighbors.map(\.trackId), [6, 3, 9, 5, 4, 7, 2, 1, 8, 12])
        for (neighbor, expected) in zip(neighbors, [5.0, 10, 20, 30, 40, 50, 60, 80, 100, 120]) {
            XCTAssertEqual(neighbor.score, cos(expected * .pi / 180), accuracy: 1e-6)
        }
        XCTAssertEqual(index.nearest(to: 42, count: 100)?.count, 12, "every other track except the zero vector")
        XCTAssertFalse(index.contains(13))
        XCTAssertNil(index.nearest(to: 13, count: 10))
    }

    func testVectorsOfAnotherLengthThanTheFirstAreLeftOut() {
        let index = SimilarityIndex(embeddings: [1: [1, 0], 2: [1, 1, 0], 3: [0, 1]])
        XCTAssertFalse(index.contains(2))
        XCTAssertEqual(index.nearest(to: 1, count: 10)?.map(\.trackId), [3])
    }

    func testTheQueryIsNeverInItsOwnList() {
        // Duplicates of the query score exactly 1 like the query itself, and must still be listed.
        let index = SimilarityIndex(embeddings: [1: [1, 1], 2: [2, 2], 3: [1, 0.9], 4: [-1, 1]])
        for id in Int64(1)...4 {
            XCTAssertFalse(index.nearest(to: id, count: 10)!.contains { $0.trackId == id })
        }
        XCTAssertEqual(index.nearest(to: 1, count: 10)!.map(\.trackId), [2, 3, 4])
    }

    func testCatalogFindsNeighboursByEitherEmbeddingFromTheStore() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("s.sqlite").path)
        let styles = StyleFixture.activations([:])
        let query = try builder.addTrack(path: "/m/query.mp3", styles: styles, effnetEmbedding: direction(0),
                                         musicnnEmbedding: direction(0))
        var ids: [Int64] = []
        for step in 1...12 {
            // EffNet neighbours get farther with each step, MusiCNN neighbours nearer.
            ids.append(try builder.addTrack(path: "/m/t\(step).mp3", styles: styles,
                                            effnetEmbedding: direction(Double(step) * 7),
                                            musicnnEmbedding: direction(Double(13 - step) * 7)))
        }
        let catalog = try Catalog.load(from: builder.store)
        let track = try catalog.resolve("/m/query.mp3")
        XCTAssertEqual(try catalog.similar(to: track, by: .effnet, count: 10).map(\.track.id), Array(ids.prefix(10)))
        XCTAssertEqual(try catalog.similar(to: track, by: .musicnn, count: 10).map(\.track.id), Array(ids.reversed().prefix(10)))
        XCTAssertEqual(try catalog.resolve(String(query)).path, "/m/query.mp3")
    }

    func testTrackWithoutTheEmbeddingIsReported() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("s.sqlite").path)
        try builder.addTrack(path: "/m/plain.mp3", title: "Plain")
        let catalog = try Catalog.load(from: builder.store)
        XCTAssertThrowsError(try catalog.similar(to: catalog.resolve("/m/plain.mp3"), by: .musicnn, count: 10)) { error in
            XCTAssertEqual("\(error)", "Plain has no musicnn embedding (its musicnn analysis is missing)")
        }
        XCTAssertThrowsError(try catalog.resolve("/m/other.mp3")) { error in
            XCTAssertEqual(error as? QueryError, .unknownTrack("/m/other.mp3"))
        }
    }
}
