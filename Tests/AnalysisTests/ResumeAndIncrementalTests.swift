import Foundation
import TestSupport
import TrackStore
import XCTest

final class ResumeAndIncrementalTests: TemporaryDirectoryTestCase {
    private let sixFiles = ["kevin_macleod_vibe_ace.mp3", "boom_hit.mp3", "kevin_macleod_galway_alac.m4a",
                            "boomboxhead_dont_matter_mono.flac", "kevin_macleod_krampus_workshop.ogg", "boom_dopebeat2.wav"]

    func testKillDashNineMidRunLosesNothingAndResumesWithoutRedoingFinishedTracks() throws {
        let audio = directory.appendingPathComponent("audio")
        try copyAudio(sixFiles, to: audio)
        let models = try Fixtures.modelsWithStandin(in: directory)
        let db = directory.appendingPathComponent("store.sqlite").path

        let process = try TonearmCLI.start(["analyze", audio.path, "--db", db, "--models", models.path, "--jobs", "1"])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Foundation starts the child as a process-group leader, so the kill reaches its workers too.
        XCTAssertEqual(getpgid(process.processIdentifier), process.processIdentifier)
        var finishedBeforeKill = 0
        while finishedBeforeKill < 2 && process.isRunning {
            Thread.sleep(forTimeInterval: 0.2)
            finishedBeforeKill = (try? analyzedCount(db)) ?? 0
        }
        XCTAssertTrue(process.isRunning, "the run ended before it could be interrupted")
        kill(-process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        finishedBeforeKill = try analyzedCount(db)
        XCTAssertLessThan(finishedBeforeKill, sixFiles.count)

        let (_, summary) = try analyze(audio, db: db, models: models)
        XCTAssertEqual(workerRequests(summary), sixFiles.count - finishedBeforeKill,
                       "tracks committed before the kill must not be analyzed again")

        let store = try TrackStore(path: db)
        let rows = try store.dbPool.read { db in
            try ["track", "signal_features", "tempocnn_features", "effnet_features", "musicnn_features"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)")!
            }
        }
        XCTAssertEqual(rows, Array(repeating: sixFiles.count, count: 5), "no duplicate or missing rows")
        try assertSameDescriptors(store, as: AnalyzedCollection.get().store)
    }

    func testAddedTouchedAndDeletedFilesAreExactlyWhatGetsRedone() throws {
        let audio = directory.appendingPathComponent("audio")
        try copyAudio(Array(sixFiles.prefix(3)), to: audio)
        let models = try Fixtures.modelsWithStandin(in: directory)
        let db = directory.appendingPathComponent("store.sqlite").path
        let (_, first) = try analyze(audio, db: db, models: models)
        XCTAssertEqual(workerRequests(first), 3)

        let (_, unchanged) = try analyze(audio, db: db, models: models)
        XCTAssertEqual(workerRequests(unchanged), 0, "an unchanged folder costs no analysis")
        XCTAssertEqual(unchanged["upToDate"] as? Int, 3)

        try copyAudio([sixFiles[3]], to: audio)
        let touched = audio.appendingPathComponent(sixFiles[1])
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: touched.path)
        try FileManager.default.removeItem(at: audio.appendingPathComponent(sixFiles[0]))
        let (_, second) = try analyze(audio, db: db, models: models)
        XCTAssertEqual(second["added"] as? Int, 1)
        XCTAssertEqual(second["changed"] as? Int, 1)
        XCTAssertEqual(second["vanished"] as? Int, 1)
        XCTAssertEqual(workerRequests(second), 2, "only the new and the touched file are analyzed")

        let store = try TrackStore(path: db)
        XCTAssertEqual(try store.status().missing, 1)
        XCTAssertEqual(try store.status().analyzed, 3)
        let prune = try TonearmCLI.run(["prune", "--db", db])
        XCTAssertEqual(prune.status, 0, prune.stderr)
        XCTAssertEqual(try store.status().missing, 0)
        XCTAssertNil(try store.track(path: audio.appendingPathComponent(sixFiles[0]).path))
    }

    func testAMissingModelLeavesOnlyItsGroupToComputeLater() throws {
        let audio = directory.appendingPathComponent("audio")
        try copyAudio(Array(sixFiles.prefix(2)), to: audio)
        let db = directory.appendingPathComponent("store.sqlite").path
        let (first, withoutEffnet) = try analyze(audio, db: db, models: Fixtures.models)
        XCTAssertEqual(withoutEffnet["groupsUnavailable"] as? [String], ["effnet"])
        XCTAssertTrue(first.stderr.contains("discogs-effnet-bs64-1.pb"), first.stderr)
        let store = try TrackStore(path: db)
        XCTAssertEqual(try store.status().incomplete, 2)
        XCTAssertEqual(try store.status().groupCounts[.effnet], nil)

        let models = try Fixtures.modelsWithStandin(in: directory)
        let (_, withEffnet) = try analyze(audio, db: db, models: models)
        XCTAssertEqual(workerRequests(withEffnet), 2)
        let stages = (withEffnet["workers"] as? [String: Any])?["stageSeconds"] as? [String: Double] ?? [:]
        XCTAssertNotNil(stages["effnet"])
        for recomputed in ["rhythm", "key", "loudness", "musicnn", "tempocnn"] {
            XCTAssertNil(stages[recomputed], "\(recomputed) was already stored and must not run again")
        }
        XCTAssertEqual(try store.status().incomplete, 0)
        XCTAssertEqual(try store.status().groupCounts[.effnet], 2)
    }

    private func analyzedCount(_ db: String) throws -> Int {
        try TrackStore(path: db, readOnly: true).status().analyzed
    }
}
