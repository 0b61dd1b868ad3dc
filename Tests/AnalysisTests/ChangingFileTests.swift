import Foundation
import TestSupport
import TrackStore
import XCTest

/// A file still being written while it is analyzed: its result is never stored against other bytes.
final class ChangingFileTests: TemporaryDirectoryTestCase {
    private let stable = "boom_hit.mp3", growing = "kevin_macleod_vibe_ace.mp3"

    func testAFileThatChangesDuringItsFirstAnalysisIsAnalyzedAgainInTheSameRun() throws {
        let audio = directory.appendingPathComponent("audio")
        try copyAudio([growing], to: audio)
        let file = audio.appendingPathComponent(growing)
        let db = directory.appendingPathComponent("store.sqlite").path
        let stats = directory.appendingPathComponent("stats.json")
        let run = try TonearmCLI.start(["analyze", audio.path, "--db", db, "--models", try noModels(in: directory).path,
                                        "--jobs", "1", "--stats-json", stats.path])
        run.standardOutput = FileHandle.nullDevice
        run.standardError = FileHandle.nullDevice
        try run.run()
        // Grows the file until the first worker is gone, that is until the first analysis of it is over.
        var firstWorker: pid_t?
        let grower = try FileGrower(file) {
            let workers = children(of: run.processIdentifier)
            if firstWorker == nil { firstWorker = workers.first }
            return !run.isRunning || firstWorker.map { !workers.contains($0) } ?? false
        }
        run.waitUntilExit()
        grower.stop()
        XCTAssertEqual(run.terminationStatus, 0)
        XCTAssertGreaterThan(grower.appended, 0)

        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: stats)) as? [String: Any] ?? [:]
        XCTAssertGreaterThanOrEqual(workerRequests(summary), 2, "the changed file must be analyzed again")
        XCTAssertEqual(summary["changedWhileAnalyzed"] as? Int, 0)
        XCTAssertEqual(summary["analyzed"] as? Int, 1)
        let track = try XCTUnwrap(try TrackStore(path: db).track(path: file.path))
        XCTAssertEqual(track.state, .analyzed)
        try assertRecordedAsOnDisk(track, file)
    }

    func testAFileThatNeverStopsChangingIsLeftPendingWithNothingStored() throws {
        let audio = directory.appendingPathComponent("audio")
        try copyAudio([stable, growing], to: audio)
        let file = audio.appendingPathComponent(growing)
        let db = directory.appendingPathComponent("store.sqlite").path
        let grower = try FileGrower(file) { false }
        let (result, summary) = try analyze(audio, db: db, models: try noModels(in: directory), extra: ["--jobs", "1"])
        grower.stop()
        XCTAssertEqual(summary["changedWhileAnalyzed"] as? Int, 1)
        XCTAssertEqual(workerRequests(summary), 1 + 3, "bounded: the growing file is tried three times")
        XCTAssertTrue(result.stdout.contains("changed while analyzed (still being written?): 1"), result.stdout)
        let store = try TrackStore(path: db)
        let track = try XCTUnwrap(try store.track(path: file.path))
        XCTAssertEqual(track.state, .pending)
        let rows = try store.dbPool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM signal_features WHERE trackId = ?", arguments: [track.id])
        }
        XCTAssertEqual(rows, 0, "nothing is stored for bytes that were still changing")
        XCTAssertEqual(try store.track(path: audio.appendingPathComponent(stable).path)?.state, .analyzed)

        let (_, after) = try analyze(audio, db: db, models: try noModels(in: directory), extra: ["--jobs", "1"])
        XCTAssertEqual(workerRequests(after), 1, "once the file is complete the next run takes it")
        let done = try XCTUnwrap(try store.track(path: file.path))
        XCTAssertEqual(done.state, .analyzed)
        try assertRecordedAsOnDisk(done, file)
    }

    /// The store's size and mtime are the file's final ones, so the result describes the bytes on disk.
    private func assertRecordedAsOnDisk(_ track: Track, _ file: URL) throws {
        var status = stat()
        XCTAssertEqual(stat(file.path, &status), 0)
        XCTAssertEqual(track.size, Int64(status.st_size))
        XCTAssertEqual(track.mtime, Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9)
    }
}

/// Appends MP3 frames to a file from a background thread, as a slow copy would, until told or `done()` says so.
private final class FileGrower {
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stopped = false
    private var count = 0

    var appended: Int { lock.withLock { count } }

    init(_ file: URL, done: @escaping () -> Bool) throws {
        let handle = try FileHandle(forWritingTo: file)
        let frames = try Data(contentsOf: file).subdata(in: 65536..<67584)
        try handle.seekToEnd()
        Thread { [self] in
            while !lock.withLock({ stopped }) && !done() {
                handle.write(frames)
                lock.withLock { count += 1 }
                Thread.sleep(forTimeInterval: 0.02)  // pacing, like a slow copy; nothing waits on it
            }
            try? handle.close()
            finished.signal()
        }.start()
    }

    func stop() {
        lock.withLock { stopped = true }
        finished.wait()
    }
}
