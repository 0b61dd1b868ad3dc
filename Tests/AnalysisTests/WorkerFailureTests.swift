import Foundation
import TestSupport
import TrackStore
import XCTest

final class WorkerFailureTests: TemporaryDirectoryTestCase {
    func testAWorkerKilledFromOutsideIsReplacedAndTheRunCompletes() throws {
        let audio = directory.appendingPathComponent("audio")
        try copyAudio(["kevin_macleod_vibe_ace.mp3", "boom_hit.mp3", "kevin_macleod_krampus_workshop.ogg"], to: audio)
        let db = directory.appendingPathComponent("store.sqlite").path
        let stats = directory.appendingPathComponent("stats.json")
        let process = try TonearmCLI.start(["analyze", audio.path, "--db", db, "--models", Fixtures.models.path,
                                            "--jobs", "1", "--stats-json", stats.path])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var worker: pid_t?
        while worker == nil && process.isRunning {
            Thread.sleep(forTimeInterval: 0.1)
            worker = children(of: process.processIdentifier).first
        }
        // Let it load its models and start on a track, then kill it mid-work.
        while (try? TrackStore(path: db, readOnly: true).status().analyzed) ?? 0 < 1 && process.isRunning {
            Thread.sleep(forTimeInterval: 0.1)
        }
        kill(try XCTUnwrap(worker), SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: stats)) as? [String: Any] ?? [:]
        XCTAssertEqual(summary["analyzed"] as? Int, 3)
        XCTAssertEqual(summary["failed"] as? Int, 0)
        XCTAssertEqual((summary["workers"] as? [String: Any])?["workersStarted"] as? Int, 2)
    }

    func testATrackPastTheTimeoutIsRecordedFailedAndTheRunGoesOn() throws {
        let audio = directory.appendingPathComponent("audio")
        try copyAudio(["kevin_macleod_vibe_ace.mp3"], to: audio)
        let db = directory.appendingPathComponent("store.sqlite").path
        let result = try TonearmCLI.run(["analyze", audio.path, "--db", db, "--models", Fixtures.models.path,
                                         "--jobs", "1", "--timeout", "0.05"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let errors = try TrackStore(path: db).errors()
        XCTAssertEqual(errors.map(\.stage), ["worker"])
        XCTAssertEqual(errors.first?.message, "timed out after 0.05 s; worker killed")
    }

    func testFailedFilesAreSkippedUntilRetriedOnRequest() throws {
        let audio = directory.appendingPathComponent("audio")
        try FileManager.default.createDirectory(at: audio, withIntermediateDirectories: true)
        try Data("not audio".utf8).write(to: audio.appendingPathComponent("broken.mp3"))
        let db = directory.appendingPathComponent("store.sqlite").path
        let (_, first) = try analyze(audio, db: db, models: Fixtures.models)
        XCTAssertEqual(first["failed"] as? Int, 1)
        let (_, again) = try analyze(audio, db: db, models: Fixtures.models)
        XCTAssertEqual(workerRequests(again), 0)
        XCTAssertEqual(again["skippedFailed"] as? Int, 1)
        let (_, retried) = try analyze(audio, db: db, models: Fixtures.models, extra: ["--retry-failed"])
        XCTAssertEqual(workerRequests(retried), 1)
        XCTAssertEqual(retried["failed"] as? Int, 1)
        XCTAssertEqual(try TrackStore(path: db).errors().count, 1, "a retry replaces the reason, never piles them up")
    }

    func testBadArgumentsGiveOneLineErrors() throws {
        let missing = try TonearmCLI.run(["analyze", "/no/such/folder", "--db", directory.appendingPathComponent("s.sqlite").path])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertEqual(missing.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count, 1, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("/no/such/folder is not a folder"), missing.stderr)

        let junk = directory.appendingPathComponent("junk.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: junk)
        let unreadable = try TonearmCLI.run(["analyze", directory.path, "--db", junk.path])
        XCTAssertNotEqual(unreadable.status, 0)
        XCTAssertTrue(unreadable.stderr.hasPrefix("Error: cannot open store"), unreadable.stderr)
        XCTAssertEqual(try Data(contentsOf: junk), Data(repeating: 0x41, count: 4096), "a bad store is never overwritten")
    }
}
