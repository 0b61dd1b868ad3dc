import Foundation
import TestSupport
import TrackStore
import XCTest

/// The store on a small tmpfs that fills mid-run: one clear line, an intact store, and a rerun that resumes.
final class DiskFullTests: TemporaryDirectoryTestCase {
    private let files = ["boom_hit.mp3", "kevin_macleod_vibe_ace.mp3", "kevin_macleod_krampus_workshop.ogg",
                         "boom_dopebeat2.wav", "boom_pipes.mp3", "boomboxhead_contentent_number2.mp3",
                         "lena_orsa_pistachio_ice_cream_ragtime.mp3", "csd_en001b_childrens_song.mp3"]

    func testAFullDiskStopsTheRunInOneLineAndLosesNothing() throws {
        let disk = try PrivateTmpfs(at: directory.appendingPathComponent("small"), size: "4m")
        defer { disk.unmount() }
        let audio = directory.appendingPathComponent("audio")
        try copyAudio([files[0]], to: audio)
        let db = disk.mountPoint.appendingPathComponent("store.sqlite").path
        let analyze = ["analyze", audio.path, "--db", db, "--models", try noModels(in: directory).path, "--jobs", "1"]
        let first = try TonearmCLI.run(analyze, launcher: disk.launcher)
        XCTAssertEqual(first.status, 0, first.stderr)

        try copyAudio(Array(files.dropFirst()), to: audio)
        try disk.fill(leaving: 112 * 1024)
        let full = try TonearmCLI.run(analyze, launcher: disk.launcher)
        XCTAssertNotEqual(full.status, 0, "the run must stop when the store cannot be written")
        let lines = full.stderr.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.contains("disk full") }.count, 1, full.stderr)
        XCTAssertEqual(lines.last.map(String.init),
                       "Error: disk full: cannot write to \(db); every track committed so far is kept, "
                       + "free some space and run analyze again to continue", full.stderr)

        try disk.shell("rm \"$0/filler\"")
        let store = try TrackStore(path: try disk.copyOut(to: directory.appendingPathComponent("copy")).path + "/store.sqlite")
        XCTAssertEqual(try store.dbPool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }, ["ok"])
        let committed = try store.status().analyzed
        // 112 KiB hold the scan and a few tracks: the disk fills mid-run, after tracks of this run were committed.
        XCTAssertGreaterThan(committed, 1, "the first run's track and those committed before the disk filled are there")
        XCTAssertLessThan(committed, files.count)
        let incompleteRows = try store.dbPool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM track WHERE state = 'analyzed' AND id NOT IN (SELECT trackId FROM signal_features)
                """)
        }
        XCTAssertEqual(incompleteRows, 0, "every committed track has its descriptors")

        let stats = directory.appendingPathComponent("stats.json")
        let rerun = try TonearmCLI.run(analyze + ["--stats-json", stats.path], launcher: disk.launcher)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: stats)) as? [String: Any] ?? [:]
        XCTAssertEqual(workerRequests(summary), files.count - committed, "the rerun does only what was not committed")
        let resumed = try TrackStore(path: try disk.copyOut(to: directory.appendingPathComponent("after")).path + "/store.sqlite")
        XCTAssertEqual(try resumed.status().analyzed, files.count)
    }
}

/// A tmpfs mounted in a private mount namespace, kept alive by a holder process: nothing to clean up on the
/// host if the test dies. tonearm and the test's shell steps run inside it through nsenter.
private final class PrivateTmpfs {
    let mountPoint: URL
    private let holder = Process()

    init(at mountPoint: URL, size: String) throws {
        self.mountPoint = mountPoint
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        holder.arguments = ["--mount", "--propagation", "private", "sh", "-c",
                            "mount -t tmpfs -o size=\(size) tonearm-test \"$0\" && echo mounted && exec sleep 3600",
                            mountPoint.path]
        let out = Pipe(), err = Pipe()
        holder.standardOutput = out
        holder.standardError = err
        try holder.run()
        let ready = String(decoding: out.fileHandleForReading.readData(ofLength: 8), as: UTF8.self)
        guard ready == "mounted\n" else {
            holder.waitUntilExit()
            let reason = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw NamespaceFailure("cannot mount a private tmpfs (this test needs root or CAP_SYS_ADMIN, as in CI): "
                                 + reason.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    var launcher: [String] { ["/usr/bin/nsenter", "-t", "\(holder.processIdentifier)", "-m", "--"] }

    /// Runs a shell script inside the namespace, the mount point as $0.
    func shell(_ script: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher[0])
        process.arguments = Array(launcher.dropFirst()) + ["sh", "-c", script, mountPoint.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw NamespaceFailure("in the namespace, failed: \(script)") }
    }

    /// Fills the tmpfs until `bytes` remain free.
    func fill(leaving bytes: Int) throws {
        try shell("head -c $(( $(stat -f -c '%a * %S' \"$0\") - \(bytes) )) /dev/zero > \"$0/filler\"")
    }

    /// Copies the store's files (no run is writing them) out to a host folder, for the test to open.
    func copyOut(to folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try shell("cp \"$0\"/store.sqlite* '\(folder.path)'/")
        return folder
    }

    func unmount() {
        if holder.isRunning { kill(holder.processIdentifier, SIGKILL) }
        holder.waitUntilExit()
    }
}

/// A test that cannot set up its disk must fail and say why, never pass silently.
private struct NamespaceFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
