import Foundation
import GRDB
import TestSupport
@testable import TrackStore
import XCTest

/// `descriptors` reads EffNet's heads from the copy kept apart from the embedding (migration
/// "heads-apart-from-embeddings"): it must follow every write of the group and start full on an old store.
final class EffnetHeadsCopyTests: TemporaryDirectoryTestCase {
    func testTheCopyFollowsAnalysisReanalysisAndRemoval() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("s.sqlite").path)
        let store = builder.store
        let id = try builder.addTrack(path: "/m/a.mp3", styles: [0.1, 0.2], voice: 0.3, danceability: 0.4)
        XCTAssertEqual(try heads(of: store), [id: [0.1, 0.2]])

        var again = TrackAnalysis(trackId: id)
        again.effnet = EffnetFeatures(trackId: id, embedding: [Float](repeating: 0.5, count: 1280), styles: [0.9, 0.8],
                                      voice: 0.7, danceability: 0.6, provenance: "effnet-v2")
        try store.save(again)
        let item = try XCTUnwrap(store.descriptors().first?.effnet)
        XCTAssertEqual(item.styles.values, [0.9, 0.8])
        XCTAssertEqual(item.voice, 0.7)
        XCTAssertEqual(item.danceability, 0.6)
        XCTAssertEqual(try store.storedGroups()[id]?[.effnet], "effnet-v2")
        XCTAssertEqual(try store.status().provenances[.effnet], ["effnet-v2": 1])

        try store.applyScan(added: [], changed: [], reappeared: [], vanished: [id])
        XCTAssertEqual(try store.pruneMissing(), 1)
        XCTAssertEqual(try heads(of: store), [:])
    }

    func testAStoreFromBeforeTheCopyGetsEveryTracksHeads() throws {
        let path = directory.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "music-map-projection")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO track (id, path, size, mtime, state) VALUES (1, '/m/a.mp3', 1, 1, 'analyzed')")
            try EffnetFeatures(trackId: 1, embedding: [1, 2], styles: [0.25, 0.75], voice: 0.5, danceability: 0.125,
                               provenance: "effnet-v1").insert(db)
        }
        try queue.close()

        let store = try TrackStore(path: path)
        let item = try XCTUnwrap(store.descriptors().first?.effnet)
        XCTAssertEqual(item.styles.values, [0.25, 0.75])
        XCTAssertEqual(item.voice, 0.5)
        XCTAssertEqual(item.danceability, 0.125)
        XCTAssertEqual(item.provenance, "effnet-v1")
    }

    private func heads(of store: TrackStore) throws -> [Int64: [Float]] {
        try store.dbPool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT trackId, styles FROM \(AnalysisGroup.effnet.smallColumnsTable)")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0[0], FloatVector.fromDatabaseValue($0[1])!.values) })
        }
    }
}
