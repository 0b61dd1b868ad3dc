import Foundation
import GRDB
import TestSupport
import TrackStore
import XCTest

/// The `tags` group: read by the worker with the other groups, and on a store that lacks it (one
/// made before the group existed) backfilled by the next analyze without decoding or recomputing anything.
final class TagsBackfillTests: TemporaryDirectoryTestCase {
    func testTagsAreReadAndBackfilledWithoutRecomputingAnyDescriptorGroup() throws {
        let audio = directory.appendingPathComponent("audio")
        try copyAudio(["kevin_macleod_danse_macabre_finale.mp3", "kevin_macleod_voxel_revolution.flac"], to: audio)
        let db = directory.appendingPathComponent("store.sqlite").path
        _ = try analyze(audio, db: db, models: Fixtures.models)
        let store = try TrackStore(path: db)
        let before = try tagsByName(store)
        XCTAssertEqual(before["kevin_macleod_voxel_revolution.flac"]?.year, 2020)

        let stored = try store.storedGroups()
        try store.dbPool.write { try $0.execute(sql: "DELETE FROM track_tags") }
        let (_, summary) = try analyze(audio, db: db, models: Fixtures.models)
        XCTAssertEqual(workerRequests(summary), 2)
        let stages = (summary["workers"] as? [String: Any])?["stageSeconds"] as? [String: Double] ?? [:]
        XCTAssertNotNil(stages["tags"])
        for skipped in ["decode", "rhythm", "key", "loudness", "musicnn", "tempocnn"] {
            XCTAssertNil(stages[skipped], "\(skipped) must not run to backfill tags")
        }
        XCTAssertEqual(try store.storedGroups().mapValues { $0.filter { $0.key != .tags } }, stored.mapValues { $0.filter { $0.key != .tags } })

        let tags = try tagsByName(store)
        XCTAssertEqual(tags.count, 2)
        let danse = try XCTUnwrap(tags["kevin_macleod_danse_macabre_finale.mp3"])
        XCTAssertEqual(danse.albumArtist, "Kevin MacLeod")
        XCTAssertEqual(danse.genre, "Classical")
        XCTAssertEqual(danse.year, 2011)
        XCTAssertEqual(danse.bitrate, 320)
        XCTAssertNil(danse.trackNumber, "a track number of 0 means none")
        XCTAssertTrue(danse.hasEmbeddedCover)
        let voxel = try XCTUnwrap(tags["kevin_macleod_voxel_revolution.flac"])
        XCTAssertEqual(voxel.genre, "New Wave")
        XCTAssertEqual(voxel.year, 2020)
        XCTAssertFalse(voxel.hasEmbeddedCover)
        XCTAssertEqual(voxel.provenance, "tags-v\(TrackTags.readerVersion)")
        XCTAssertEqual(tags.mapValues(\.provenance), before.mapValues(\.provenance))
    }

    private func tagsByName(_ store: TrackStore) throws -> [String: TrackTags] {
        var byName: [String: TrackTags] = [:]
        for (id, tags) in try store.tags() {
            byName[((try store.track(id: id)?.path ?? "") as NSString).lastPathComponent] = tags
        }
        return byName
    }
}
