import Playlists
import TestSupport
import TrackStore
@testable import Web
import XCTest

/// The facts under the live filters, counted from the playlist engine's columns and the styles.
final class CollectionFactsTests: TemporaryDirectoryTestCase {
    func testATrackCountsOncePerParentGenreAndTheGridHoldsEveryTrack() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("s.sqlite").path)
        try builder.saveStyleLabels()
        let embedding: [Float] = [1, 0, 0]
        try builder.addTrack(path: "/m/a.mp3", styles: StyleFixture.activations(["Electronic---House": 0.8, "Electronic---Techno": 0.9]),
                             musicnnEmbedding: embedding, valence: 2, arousal: 8)
        try builder.addTrack(path: "/m/b.mp3", styles: StyleFixture.activations(["Electronic---House": 0.7]), musicnnEmbedding: embedding)
        try builder.addTrack(path: "/m/c.mp3", styles: StyleFixture.activations(["Jazz---Bop": 0.6, "Rock---Punk": 0.01]), musicnnEmbedding: embedding)
        let facts = CollectionFacts(catalog: try Catalog.load(from: builder.store, embeddings: []), version: 1,
                                    state: AnalysisCounts(analyzed: 3, pending: 0, failed: 0))
        func count(_ name: String, in counts: [CollectionFacts.Count]) -> Int? { counts.first { $0.name == name }?.count }
        XCTAssertEqual(count("Electronic---House", in: facts.styles), 2)
        XCTAssertEqual(count("Electronic---Techno", in: facts.styles), 1)
        XCTAssertEqual(count("Rock---Punk", in: facts.styles), 0, "below the activation threshold")
        XCTAssertEqual(count("Electronic", in: facts.parents), 2)
        XCTAssertEqual(count("Jazz", in: facts.parents), 1)
        XCTAssertEqual(count("Rock", in: facts.parents), 0)
        XCTAssertEqual(facts.parents.first?.name, "Electronic", "most carried first")
        XCTAssertEqual(facts.av.grid.reduce(0, +), 3)
        XCTAssertEqual(facts.ranges["arousal"]?.max, 8)
        XCTAssertEqual(facts.keys.tonic.map(\.count).reduce(0, +), 3)
    }
}
