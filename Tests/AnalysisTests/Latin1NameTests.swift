import Foundation
import GRDB
import TestSupport
@testable import TrackStore
import XCTest

/// A file whose name is not UTF-8 (Latin-1 `café.mp3`: one byte 0xE9), end to end through the real
/// worker, the web app's audio route, an M3U8 playlist and the exports, in a store made before names
/// were kept as bytes.
final class Latin1NameTests: TemporaryDirectoryTestCase {
    private let utf8Name = "kevin_macleod_vibe_ace.mp3"

    func testALatin1NameIsAnalyzedServedAndWrittenAsItsOwnBytes() throws {
        let audio = directory.appendingPathComponent("audio")
        try copyAudio([utf8Name], to: audio)
        let latin1 = RawPath(bytes: Array("\(audio.path)/caf".utf8) + [0xE9] + Array(".mp3".utf8))
        let sound = try Data(contentsOf: XCTUnwrap(try Fixtures.goodAudioFiles().first { $0.lastPathComponent == "boom_hit.mp3" }))
        try create(latin1, holding: sound)

        let db = directory.appendingPathComponent("store.sqlite").path
        let oldId = try oldStore(db, knowing: audio.appendingPathComponent(utf8Name).path)
        let (run, _) = try analyze(audio, db: db, models: try Fixtures.modelsWithStandin(in: directory), extra: ["--jobs", "1"])
        XCTAssertEqual(run.status, 0, run.stderr)

        let store = try TrackStore(path: db)
        XCTAssertEqual(try store.errors().map(\.message), [])
        let tracks = try allTracks(store)
        XCTAssertEqual(tracks.count, 2)
        let kept = try XCTUnwrap(tracks.first { $0.id == oldId }, "the old row keeps its id")
        XCTAssertEqual(kept.path, audio.appendingPathComponent(utf8Name).path)
        XCTAssertNil(kept.pathBytes)
        XCTAssertEqual(kept.state, .analyzed)
        let cafe = try XCTUnwrap(tracks.first { $0.id != oldId })
        XCTAssertEqual(cafe.rawPath, latin1)
        XCTAssertEqual(cafe.path, "\(audio.path)/caf\\xE9.mp3", "shown readable")
        XCTAssertEqual(cafe.state, .analyzed)
        XCTAssertEqual(cafe.size, Int64(sound.count))
        XCTAssertNotNil(try store.descriptors().first { $0.track.id == cafe.id }?.signal)

        let rescan = try TonearmCLI.run(["scan", audio.path, "--db", db])
        XCTAssertEqual(rescan.status, 0, rescan.stderr)
        XCTAssertEqual(try allTracks(store).map(\.id), tracks.map(\.id), "a rescan finds the same two tracks")
        XCTAssertEqual(try allTracks(store).map(\.state), [.analyzed, .analyzed])

        let playlist = directory.appendingPathComponent("all.m3u8")
        let listed = try TonearmCLI.run(["playlist", "--db", db, "-o", playlist.path])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        let lines = try Data(contentsOf: playlist).split(separator: 0x0A).map { Array($0) }
        XCTAssertTrue(lines.contains(latin1.bytes), "the M3U8 names the file by its own bytes")
        XCTAssertTrue(lines.contains(Array(kept.path.utf8)))

        let hex = latin1.bytes.map { String(format: "%02x", $0) }.joined()
        for format in ["csv", "jsonl"] {
            let export = try TonearmCLI.run(["export", "--db", db, "--format", format])
            XCTAssertEqual(export.status, 0, export.stderr)
            XCTAssertTrue(export.stdout.contains(hex), "\(format) carries the name's bytes")
            let shown = format == "csv" ? "caf\\xE9.mp3" : "caf\\\\xE9.mp3"  // JSON escapes the backslash
            XCTAssertTrue(export.stdout.contains(shown), "\(format) shows the readable form")
        }

        let server = try LiveServer(db: db)
        defer { server.stop() }
        let served = try Data(contentsOf: URL(string: "http://127.0.0.1:\(server.port)/audio/\(cafe.id!)")!)
        XCTAssertEqual(served, sound, "the web app plays the file")
        let page = try String(contentsOf: URL(string: "http://127.0.0.1:\(server.port)/")!, encoding: .utf8)
        XCTAssertTrue(page.contains("caf\\xE9.mp3"), "pages show the readable form")
    }

    /// Creates the file by its bytes: a Swift String or URL cannot name it.
    private func create(_ path: RawPath, holding data: Data) throws {
        let descriptor = path.withCString { open($0, O_CREAT | O_EXCL | O_WRONLY, 0o644) }
        XCTAssertGreaterThanOrEqual(descriptor, 0, String(cString: strerror(errno)))
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        XCTAssertEqual(written, data.count)
    }

    /// A store with the schema before `track-path-bytes`, knowing one UTF-8 file (size and mtime since changed).
    private func oldStore(_ db: String, knowing path: String) throws -> Int64 {
        let queue = try DatabaseQueue(path: db)
        try Schema.migrator.migrate(queue, upTo: "track-from-excerpts")
        return try queue.write { db in
            try db.execute(sql: "INSERT INTO track (path, size, mtime, state) VALUES (?, 1, 1, 'pending')", arguments: [path])
            return db.lastInsertedRowID
        }
    }

    private func allTracks(_ store: TrackStore) throws -> [Track] {
        try store.dbPool.read { try Track.order(Track.Columns.id).fetchAll($0) }
    }
}
