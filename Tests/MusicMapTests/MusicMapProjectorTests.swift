import Foundation
import GRDB
import MusicMap
import TestSupport
import TrackStore
import XCTest

/// The projection cache in a real SQLite store: reused while the analyzed set is unchanged, extended
/// (no point moves) for a few new tracks, fitted anew when much changed.
final class MusicMapProjectorTests: TemporaryDirectoryTestCase {
    private var builder: StoreBuilder!

    override func setUpWithError() throws {
        try super.setUpWithError()
        builder = try StoreBuilder(path: directory.appendingPathComponent("store.sqlite").path)
    }

    @discardableResult
    private func addTracks(_ range: Range<Int>) throws -> [Int64] {
        try range.map { i in
            let angle = Double(i) * 0.7
            return try builder.addTrack(path: "/music/\(i).mp3", styles: [0.5],
                                        effnetEmbedding: [Float(cos(angle)) * 3, Float(sin(angle)), Float(i % 3) * 0.1, 1],
                                        musicnnEmbedding: [Float(i), 1])
        }
    }

    func testSecondLoadReusesTheStoredProjection() throws {
        let ids = try addTracks(0..<12)
        let first = try MusicMapProjector(store: builder.store).map(.effnet)
        XCTAssertEqual(first.origin, .recomputed)
        XCTAssertEqual(first.trackIds, ids)
        XCTAssertEqual(Set(zip(first.x, first.y).map { "\($0),\($1)" }).count, 12, "every track has its own place")

        // A fresh open of the same file, as a restarted serve would do.
        let reopened = try TrackStore(path: builder.store.path)
        let second = try MusicMapProjector(store: reopened).map(.effnet)
        XCTAssertEqual(second.origin, .reused)
        XCTAssertEqual(second.trackIds, first.trackIds)
        XCTAssertEqual(second.x, first.x)
        XCTAssertEqual(second.y, first.y)
        XCTAssertEqual(try reopened.mapProjection(.effnet)?.points.count, 12)
        XCTAssertNil(try reopened.mapProjection(.musicnn), "each embedding has its own map, made when asked for")
    }

    func testANewTrackIsPlacedWithoutMovingTheOthers() throws {
        try addTracks(0..<12)
        let projector = MusicMapProjector(store: builder.store)
        let before = try projector.map(.effnet)
        let added = try addTracks(12..<13)[0]
        let after = try projector.map(.effnet)
        XCTAssertEqual(after.origin, .extended)
        XCTAssertEqual(after.trackIds, before.trackIds + [added])
        XCTAssertEqual(Array(after.x.prefix(12)), before.x)
        XCTAssertEqual(Array(after.y.prefix(12)), before.y)
        XCTAssertEqual(try projector.map(.effnet).origin, .reused, "the extended map is stored")
    }

    func testManyNewOrReanalyzedTracksRefitThePlane() throws {
        try addTracks(0..<8)
        let projector = MusicMapProjector(store: builder.store)
        _ = try projector.map(.effnet)
        try addTracks(8..<16)
        let grown = try projector.map(.effnet)
        XCTAssertEqual(grown.origin, .recomputed)
        XCTAssertEqual(grown.trackIds.count, 16)

        // Re-analysis changes analyzedAt: the track is no longer what its point was computed from.
        try builder.store.dbPool.write { db in
            try db.execute(sql: "UPDATE track SET analyzedAt = '2030-01-01 00:00:00.000' WHERE id IN (SELECT id FROM track LIMIT 5)")
        }
        XCTAssertEqual(try projector.map(.effnet).origin, .recomputed)
    }

    func testRemovedTracksLeaveTheMap() throws {
        let ids = try addTracks(0..<12)
        let projector = MusicMapProjector(store: builder.store)
        _ = try projector.map(.effnet)
        try builder.store.dbPool.write { db in
            try db.execute(sql: "UPDATE track SET state = 'pending' WHERE id = ?", arguments: [ids[3]])
        }
        let after = try projector.map(.effnet)
        XCTAssertEqual(after.origin, .extended)
        XCTAssertEqual(after.trackIds, ids.filter { $0 != ids[3] })
    }
}
