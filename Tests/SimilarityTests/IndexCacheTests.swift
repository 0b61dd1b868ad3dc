import Foundation
import Playlists
import Similarity
import TestSupport
import TrackStore
import XCTest

/// The index cache beside a real store: reused while the store is unchanged, grown in place when
/// tracks are added, rebuilt when an embedding changes or a track goes.
final class IndexCacheTests: TemporaryDirectoryTestCase {
    private var builder: StoreBuilder!
    private var generator = SeededRandom(seed: 31)
    private var storePath: String { directory.appendingPathComponent("s.sqlite").path }
    private var rowsFile: String { storePath + ".similarity/musicnn/rows" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        builder = try StoreBuilder(path: storePath)
        for number in 0..<300 { try add(number) }
    }

    private func vector() -> [Float] { (0..<24).map { _ in Float.random(in: -1...1, using: &generator) } }

    @discardableResult
    private func add(_ number: Int) throws -> Int64 {
        try builder.addTrack(path: "/m/t\(number).mp3", artist: "A\(number)", musicnnEmbedding: vector())
    }

    /// HNSW forced on (threshold 1), like a big collection.
    private func load() throws -> Catalog { try Catalog.load(from: builder.store, embeddings: [.musicnn], approximateFrom: 1) }

    private func answers(_ catalog: Catalog, for seeds: [Int64]) throws -> [[Int64]] {
        try seeds.map { try catalog.similar(to: catalog.track(id: $0)!, by: .musicnn, count: 10).map { $0.track.id! } }
    }

    /// A rebuild writes a new file (atomically, so a new inode); an append keeps the file.
    private func inode(_ path: String) throws -> UInt64 {
        var status = stat()
        guard stat(path, &status) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return UInt64(status.st_ino)
    }

    func testAnUnchangedStoreReusesTheCacheWithTheSameAnswers() throws {
        let first = try load()
        XCTAssertTrue(first.similarityIndex(.musicnn)!.isApproximate)
        let cachedRows = try inode(rowsFile)
        let seeds = first.playlists.tracks.prefix(20).map { $0.track.id! }
        let again = try load()
        XCTAssertEqual(try inode(rowsFile), cachedRows, "loaded, not rebuilt")
        XCTAssertEqual(try answers(again, for: seeds), try answers(first, for: seeds))
    }

    func testAddedTracksGrowTheCachedIndexInPlace() throws {
        _ = try load()
        let cachedRows = try inode(rowsFile)
        let added = try (300..<340).map { try add($0) }
        let grown = try load()
        XCTAssertEqual(try inode(rowsFile), cachedRows, "appended, not rebuilt")
        XCTAssertEqual(grown.similarityIndex(.musicnn)!.count, 340)
        // Each new track is the graph's nearest answer to its own vector: the graph holds it.
        for id in added {
            let vector = grown.similarityIndex(.musicnn)!.unitVector(of: id)!
            XCTAssertEqual(grown.similarityIndex(.musicnn)!.nearest(to: vector, count: 1).first?.trackId, id)
        }
        XCTAssertEqual(try load().similarityIndex(.musicnn)!.count, 340, "the grown cache is what the next start loads")
        XCTAssertEqual(try inode(rowsFile), cachedRows)
    }

    func testAChangedEmbeddingRebuildsTheIndex() throws {
        let first = try load()
        let cachedRows = try inode(rowsFile)
        let track = first.playlists.tracks[5].track
        let moved = vector()
        var analysis = TrackAnalysis(trackId: track.id!)
        analysis.musicnn = MusicnnFeatures(trackId: track.id!, embedding: moved, valence: 5, arousal: 5, provenance: "test")
        try builder.store.save(analysis)
        let reloaded = try load()
        XCTAssertNotEqual(try inode(rowsFile), cachedRows, "rebuilt")
        let norm = moved.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let stored = reloaded.similarityIndex(.musicnn)!.unitVector(of: track.id!)!
        for (value, expected) in zip(stored, moved) { XCTAssertEqual(value, expected / norm, accuracy: 1e-6) }
    }

    func testARemovedTrackLeavesTheIndex() throws {
        let first = try load()
        let gone = first.playlists.tracks[7].track
        try builder.store.dbPool.write { try $0.execute(sql: "DELETE FROM track WHERE id = ?", arguments: [gone.id!]) }
        let reloaded = try load()
        XCTAssertFalse(reloaded.similarityIndex(.musicnn)!.contains(gone.id!))
        XCTAssertEqual(reloaded.similarityIndex(.musicnn)!.count, 299)
    }

    /// The graph file is memory-mapped as it is; one cut short or scribbled over is rebuilt, not trusted.
    func testADamagedGraphFileIsRebuilt() throws {
        // The first catalog is gone before the damage: a file cut short under a live mapping is SIGBUS.
        let (seeds, expected) = try { () throws -> ([Int64], [[Int64]]) in
            let first = try load()
            let seeds = first.playlists.tracks.prefix(20).map { $0.track.id! }
            return (seeds, try answers(first, for: seeds))
        }()
        let graph = storePath + ".similarity/musicnn/graph"
        for damage in [{ try FileHandle(forWritingTo: URL(fileURLWithPath: graph)).truncate(atOffset: 5_000) },
                       { try Data(repeating: 0xFF, count: 96).write(to: URL(fileURLWithPath: graph)) }] {
            let rows = try inode(rowsFile)
            try damage()
            let reloaded = try load()
            XCTAssertTrue(reloaded.similarityIndex(.musicnn)!.isApproximate)
            XCTAssertNotEqual(try inode(rowsFile), rows, "rebuilt")
            XCTAssertEqual(try answers(reloaded, for: seeds), expected)
        }
    }
}
