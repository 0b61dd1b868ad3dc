import Foundation
import Playlists
import TestSupport
import TrackStore
import XCTest

/// Mixes through the catalog over a real store: filters, several seeds, tag seeds, the artist cap, paths.
final class CatalogMixTests: TemporaryDirectoryTestCase {
    private var ids: [Int64] = []
    private var catalog: Catalog!

    private func direction(_ degrees: Double) -> [Float] {
        [Float(cos(degrees * .pi / 180)), Float(sin(degrees * .pi / 180)), 0]
    }

    /// The seed at 0° and 24 tracks at 2°, 4°, … 48° by MusiCNN; the 10 nearest run at 140 BPM, the rest at 120.
    /// Artists: the first 12 are "Near", the rest each their own; the last 4 share the album "Far".
    override func setUpWithError() throws {
        try super.setUpWithError()
        let builder = try StoreBuilder(path: directory.appendingPathComponent("s.sqlite").path)
        ids = [try builder.addTrack(path: "/m/seed.mp3", artist: "Seed", title: "seed", musicnnEmbedding: direction(0))]
        for step in 1...24 {
            ids.append(try builder.addAnalyzedTrack(path: String(format: "/m/t%02d.mp3", step)) { id, analysis in
                analysis.artist = step <= 12 ? "Near" : "Artist \(step)"
                analysis.title = "t\(step)"
                analysis.album = step > 20 ? "Far" : nil
                analysis.signal = SignalFeatures(trackId: id, bpm: step <= 10 ? 140 : 120, bpmConfidence: 3, keys: [:],
                                                 loudnessLufs: -14, loudnessRangeLu: 5, provenance: "test")
                analysis.musicnn = MusicnnFeatures(trackId: id, embedding: direction(Double(step) * 2), valence: 5,
                                                   arousal: 5, provenance: "test")
            })
        }
        catalog = try Catalog.load(from: builder.store)
    }

    private func similar(_ seeds: [Int], not negatives: [Int] = [], count: Int = 10, filter: PlaylistQuery? = nil,
                         maxPerArtist: Int? = nil) throws -> [Int64] {
        try catalog.similar(seeds: seeds.map { catalog.track(id: ids[$0])! }, negatives: negatives.map { catalog.track(id: ids[$0])! },
                            by: .musicnn, count: count, filter: filter, maxPerArtist: maxPerArtist).map { $0.track.id! }
    }

    func testAFilterThatExcludesTheTenNearestStillReturnsTen() throws {
        XCTAssertEqual(try similar([0]), Array(ids[1...10]))
        var query = try PlaylistQuery(parameters: [("bpm", "110-130")])
        query.limit = 3 // a playlist limit must not cut the candidates
        XCTAssertEqual(try similar([0], filter: query), Array(ids[11...20]))
    }

    func testSeveralSeedsAndANegative() throws {
        // Seeds at 2° and 46°: the mean points at 24°.
        XCTAssertEqual(try similar([1, 23], count: 3), [ids[12], ids[11], ids[13]])
        // Seed at 24°, negative at 48°: (cos 24°, sin 24°) − ½ (cos 48°, sin 48°) points at 3.5°.
        XCTAssertEqual(try similar([12], not: [24], count: 2), [ids[2], ids[1]])
        XCTAssertFalse(try similar([12], not: [24], count: 30).contains(ids[24]))
    }

    func testAnAlbumOrArtistTagNamesSeeds() {
        XCTAssertEqual(catalog.tracks(album: "far").map(\.id!), Array(ids[21...24]))
        XCTAssertEqual(catalog.tracks(artist: "NEAR").count, 12)
        XCTAssertEqual(catalog.tracks(artist: "Nobody"), [])
    }

    func testAtMostSoManyTracksOfOneArtist() throws {
        XCTAssertEqual(try similar([0], count: 5, maxPerArtist: 2), [ids[1], ids[2], ids[13], ids[14], ids[15]])
    }

    func testAPathThroughTheStore() throws {
        let path = try catalog.path(from: catalog.track(id: ids[0])!, to: catalog.track(id: ids[24])!, length: 5, by: .musicnn)
        XCTAssertEqual(path.tracks.map(\.id!), [ids[0], ids[6], ids[12], ids[18], ids[24]])
        XCTAssertEqual(path.smoothness.progress, 1)
        XCTAssertThrowsError(try catalog.path(from: catalog.track(id: ids[0])!, to: catalog.track(id: ids[24])!, length: 26, by: .musicnn))
    }
}
