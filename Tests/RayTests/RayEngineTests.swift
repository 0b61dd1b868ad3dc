import Foundation
import TestSupport
import TrackStore
import XCTest

/// `tonearm analyze --engine ray` on a real Ray cluster of this machine (head + two worker nodes of one CPU,
/// in a private network namespace), with the real worker, models and audio.
final class RayEngineTests: TemporaryDirectoryTestCase {
    private let sixFiles = ["kevin_macleod_vibe_ace.mp3", "boom_hit.mp3", "kevin_macleod_galway_alac.m4a",
                            "boomboxhead_dont_matter_mono.flac", "kevin_macleod_krampus_workshop.ogg", "boom_dopebeat2.wav"]
    private var audio: URL { directory.appendingPathComponent("audio") }
    private var models: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        models = try Fixtures.modelsWithStandin(in: directory)
    }

    func testRayStoresWhatTheLocalEngineStoresAndRecordsBadFilesAlikeWithAndWithoutShippingAudio() throws {
        try copyAudio(Array(sixFiles.prefix(3)), to: audio)
        let bad = Fixtures.audio.appendingPathComponent("bad/text_renamed.wav")
        try FileManager.default.copyItem(at: bad, to: audio.appendingPathComponent(bad.lastPathComponent))
        let localDb = directory.appendingPathComponent("local.sqlite").path
        let local = try TonearmCLI.run(analyzeArguments(db: localDb) + ["--jobs", "1"])
        XCTAssertEqual(local.status, 0, local.stderr)
        let reference = try TrackStore(path: localDb)

        let cluster = try LocalRayCluster()
        defer { cluster.stop() }
        for (name, extra) in [("shared-path", [String]()), ("shipped", ["--ship-audio"])] {
            let rayDb = directory.appendingPathComponent("\(name).sqlite").path
            let (result, summary) = try analyzeOnRay(cluster, db: rayDb, extra: extra)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(workerRequests(summary), 4, name)
            XCTAssertEqual((summary["workers"] as? [String: Any])?["workersStarted"] as? Int, 2,
                           "one actor per worker-node CPU")
            let ray = try TrackStore(path: rayDb)
            XCTAssertEqual(try ray.status().analyzed, 3, name)
            XCTAssertEqual(try ray.status().failed, 1, name)
            XCTAssertEqual(try ray.status().failureReasons.map(\.message),
                           try reference.status().failureReasons.map(\.message), name)
            try assertSameDescriptors(ray, as: reference)
        }
    }

    func testANodeDyingMidRunLosesNoTrackAndAnalyzesEachOnce() throws {
        try copyAudio(sixFiles, to: audio)
        let cluster = try LocalRayCluster()
        defer { cluster.stop() }
        let db = directory.appendingPathComponent("store.sqlite").path
        let stats = db + ".stats.json"
        let run = try cluster.tonearm(analyzeArguments(db: db) + rayArguments(cluster) + ["--stats-json", stats])
        run.standardOutput = FileHandle.nullDevice
        run.standardError = FileHandle.nullDevice
        try run.run()
        try waitForAnalyzed(atLeast: 1, in: db, while: run)
        XCTAssertTrue(run.isRunning, "the run ended before a node could die")
        try cluster.killWorkerNode(1)
        run.waitUntilExit()
        XCTAssertEqual(run.terminationStatus, 0)

        let summary = try readSummary(stats)
        XCTAssertEqual(workerRequests(summary), sixFiles.count, "one reply per file, none twice")
        XCTAssertEqual((summary["workers"] as? [String: Any])?["workersStarted"] as? Int, 3,
                       "the lost actor was replaced")
        let store = try TrackStore(path: db)
        XCTAssertEqual(try store.status().analyzed, sixFiles.count)
        XCTAssertEqual(try store.status().failed, 0)
        XCTAssertEqual(try rowCounts(store), Array(repeating: sixFiles.count, count: 5), "no duplicate or missing rows")
    }

    /// Two interruptions on one cluster (starting one costs more than a run): the driver dying, then tonearm.
    func testTheDriverDyingOrKillDashNineMidRunLoseNothingAndTheRerunSendsOnlyTheMissingTracks() throws {
        try copyAudio(sixFiles, to: audio)
        let cluster = try LocalRayCluster()
        defer { cluster.stop() }
        let db = directory.appendingPathComponent("store.sqlite").path

        let first = try cluster.tonearm(analyzeArguments(db: db) + rayArguments(cluster))
        let errors = Pipe()
        first.standardOutput = FileHandle.nullDevice
        first.standardError = errors
        try first.run()
        try waitForAnalyzed(atLeast: 1, in: db, while: first)
        XCTAssertTrue(first.isRunning, "the run ended before its driver could die")
        kill(try XCTUnwrap(driverPid(of: first.processIdentifier)), SIGKILL)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        first.waitUntilExit()
        XCTAssertNotEqual(first.terminationStatus, 0)
        XCTAssertTrue(message.contains("the Ray driver stopped (killed by signal 9); finished tracks are saved"), message)
        let afterDriverDeath = try TrackStore(path: db, readOnly: true).status().analyzed
        XCTAssertGreaterThanOrEqual(afterDriverDeath, 1, "tracks committed before the driver died are kept")

        let second = try cluster.tonearm(analyzeArguments(db: db) + rayArguments(cluster))
        second.standardOutput = FileHandle.nullDevice
        second.standardError = FileHandle.nullDevice
        try second.run()
        try waitForAnalyzed(atLeast: afterDriverDeath + 1, in: db, while: second)
        XCTAssertTrue(second.isRunning, "the run ended before it could be interrupted")
        kill(-second.processIdentifier, SIGKILL)  // tonearm and the driver it started: one process group
        second.waitUntilExit()
        let finishedBeforeKill = try TrackStore(path: db, readOnly: true).status().analyzed
        XCTAssertLessThan(finishedBeforeKill, sixFiles.count)

        let (rerun, summary) = try analyzeOnRay(cluster, db: db)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(workerRequests(summary), sixFiles.count - finishedBeforeKill,
                       "tracks committed before the kill must not be sent again")
        XCTAssertEqual(try rowCounts(TrackStore(path: db)), Array(repeating: sixFiles.count, count: 5))
    }

    func testAnUnreachableAddressFailsWithOneClearLine() throws {
        try copyAudio([sixFiles[1]], to: audio)
        let db = directory.appendingPathComponent("store.sqlite").path
        // A namespace of its own where nothing listens: the address is surely unreachable, and nothing leaves it.
        let run = try TonearmCLI.start([])
        run.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        run.arguments = ["-n", "sh", "-c", "ip link set lo up && exec \"$@\"", "sh", TonearmCLI.executable.path]
            + analyzeArguments(db: db) + ["--engine", "ray", "--ray-address", "127.0.0.1:9"]
        let result = try TonearmCLI.runToEnd(run)
        XCTAssertNotEqual(result.status, 0)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("cannot reach the Ray cluster at 127.0.0.1:9"), result.stderr)
        XCTAssertEqual(try TrackStore(path: db, readOnly: true).status().pending, 1, "the scan is kept for the next run")
    }

    private func analyzeArguments(db: String) -> [String] {
        ["analyze", audio.path, "--db", db, "--models", models.path]
    }

    private func rayArguments(_ cluster: LocalRayCluster) -> [String] {
        ["--engine", "ray", "--ray-address", cluster.address]
    }

    private func analyzeOnRay(_ cluster: LocalRayCluster, db: String,
                              extra: [String] = []) throws -> (TonearmCLI.Result, [String: Any]) {
        let stats = db + ".stats.json"
        let result = try TonearmCLI.runToEnd(cluster.tonearm(analyzeArguments(db: db) + rayArguments(cluster)
                                                             + ["--stats-json", stats] + extra))
        return (result, result.status == 0 ? try readSummary(stats) : [:])
    }

    private func readSummary(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }

    private func waitForAnalyzed(atLeast count: Int, in db: String, while run: Process) throws {
        while run.isRunning {
            if let analyzed = try? TrackStore(path: db, readOnly: true).status().analyzed, analyzed >= count { return }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// The Ray driver tonearm started: its child running `tonearm_worker.ray_driver`.
    private func driverPid(of parent: Int32) -> Int32? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).first { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let fields = stat.split(separator: ")").last?.split(separator: " "), fields.count > 1,
                  Int32(fields[1]) == parent,
                  let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: command, as: UTF8.self).contains("tonearm_worker.ray_driver")
        }
    }

    private func rowCounts(_ store: TrackStore) throws -> [Int] {
        try store.dbPool.read { db in
            try ["track", "signal_features", "tempocnn_features", "effnet_features", "musicnn_features"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)")!
            }
        }
    }
}
