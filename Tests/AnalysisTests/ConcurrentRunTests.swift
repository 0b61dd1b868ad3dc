import Foundation
import TestSupport
import TrackStore
import XCTest

/// One analysis per store: a second run refuses while the first holds the lock; a killed run leaves nothing that blocks.
final class ConcurrentRunTests: TemporaryDirectoryTestCase {
    private let files = ["kevin_macleod_vibe_ace.mp3", "boom_hit.mp3", "kevin_macleod_krampus_workshop.ogg"]

    func testASecondRunOnTheSameStoreRefusesInOneLineNamingTheFirst() throws {
        let audio = directory.appendingPathComponent("audio")
        try copyAudio(files, to: audio)
        let db = directory.appendingPathComponent("store.sqlite").path
        let first = try startAnalysis(audio, db: db)
        defer { stop(first) }
        try waitUntilLockNames(first, db: db)

        let second = try TonearmCLI.run(["analyze", audio.path, "--db", db, "--models", try noModels(in: directory).path, "--jobs", "1"])
        XCTAssertTrue(first.isRunning, "the first run ended before the second tried: the test proved nothing")
        XCTAssertNotEqual(second.status, 0)
        let lines = second.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n")
        XCTAssertEqual(lines.count, 1, second.stderr)
        XCTAssertTrue(second.stderr.contains("another analysis is running on \(db) (pid \(first.processIdentifier), started "),
                      second.stderr)
        XCTAssertFalse(second.stdout.contains("analyzed"), "the refused run must not analyze anything")

        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        let (_, after) = try analyze(audio, db: db, models: try noModels(in: directory))
        XCTAssertEqual(workerRequests(after), 0, "every track was analyzed once, by the first run")
        XCTAssertEqual(try TrackStore(path: db).status().analyzed, files.count)
    }

    func testALockLeftByAKilledRunNeverBlocksTheNextRun() throws {
        let audio = directory.appendingPathComponent("audio")
        try copyAudio(files, to: audio)
        let db = directory.appendingPathComponent("store.sqlite").path
        let killed = try startAnalysis(audio, db: db)
        try waitUntilLockNames(killed, db: db)
        kill(-killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        XCTAssertEqual(killed.terminationReason, .uncaughtSignal)
        XCTAssertTrue(try lockContents(db).contains("pid \(killed.processIdentifier)"), "the stale PID is still in the file")

        let (result, _) = try analyze(audio, db: db, models: try noModels(in: directory))
        XCTAssertFalse(result.stderr.contains("another analysis"), result.stderr)
        XCTAssertEqual(try TrackStore(path: db).status().analyzed, files.count)
    }

    private func startAnalysis(_ audio: URL, db: String) throws -> Process {
        let process = try TonearmCLI.start(["analyze", audio.path, "--db", db, "--models", try noModels(in: directory).path, "--jobs", "1"])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits for a condition (the run wrote its PID into the lock), not for a time.
    private func waitUntilLockNames(_ process: Process, db: String) throws {
        while process.isRunning && !((try? lockContents(db)) ?? "").contains("pid \(process.processIdentifier),") {
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(process.isRunning, "the run ended before it took the lock")
    }

    private func lockContents(_ db: String) throws -> String {
        try String(contentsOfFile: db + ".lock", encoding: .utf8)
    }

    private func stop(_ process: Process) {
        if process.isRunning { kill(-process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
