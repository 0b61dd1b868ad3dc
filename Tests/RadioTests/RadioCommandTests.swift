import Foundation
import MPDRadio
import TestSupport
import TrackStore
import XCTest

/// `tonearm radio` driving a real mpd over the shared audio folder: play → the queue fills; skip → it
/// refills; stop → nothing is added; mpd restarts → tonearm reconnects and goes on.
final class RadioCommandTests: TemporaryDirectoryTestCase {
    private var mpd: MPDServer!
    private var radio: Process?
    private var lines = RadioLines()

    override func tearDownWithError() throws {
        if let radio, radio.isRunning {
            kill(radio.processIdentifier, SIGTERM)
            radio.waitUntilExit()
        }
        mpd?.stop()
        try super.tearDownWithError()
    }

    /// Every good shared file in a store, with seeded random MusiCNN embeddings (the radio's choice is
    /// what is tested, not the embeddings) and two artists, so the per-artist cap has work to do.
    private func makeStore() throws -> (store: String, files: [URL]) {
        let path = directory.appendingPathComponent("store.sqlite").path
        let builder = try StoreBuilder(path: path)
        var random = SeededRandom(seed: 27)
        let files = try Fixtures.goodAudioFiles()
        for (index, file) in files.enumerated() {
            try builder.addTrack(path: file.path, artist: index % 2 == 0 ? "Artist A" : "Artist B",
                                 musicnnEmbedding: (0..<200).map { _ in Float.random(in: 0..<1, using: &random) })
        }
        return (path, files)
    }

    func testQueueFillsRefillsStopsAndSurvivesAnMPDRestart() throws {
        let (store, files) = try makeStore()
        mpd = try MPDServer(in: directory.appendingPathComponent("mpd"), music: Fixtures.audio)
        let process = try TonearmCLI.start(["radio", "--db", store, "--mpd", "127.0.0.1:\(mpd.port)",
                                            "--music-dir", Fixtures.audio.path, "--by", "musicnn", "-n", "3"])
        lines.attach(to: process)
        try process.run()
        radio = process
        try lines.wait(for: "connected to MPD", count: 1)

        let client = try mpd.connect()
        let first = String(files[0].path.dropFirst(Fixtures.audio.path.count + 1))
        try client.command("add " + MPDConnection.quoted(first))
        try client.command("play 0")
        try mpd.wait("the queue to fill") { try queue(client).count == 4 }
        let filled = try queue(client)
        XCTAssertEqual(filled.first, first)
        XCTAssertEqual(Set(filled).count, 4, "no repeats: \(filled)")
        let artists = filled.dropFirst().map { file in files.firstIndex { $0.path.hasSuffix("/" + file) }.map { $0 % 2 } }
        XCTAssertLessThanOrEqual(artists.filter { $0 == 0 }.count, 2, "at most 2 tracks of one artist ahead: \(filled)")
        XCTAssertLessThanOrEqual(artists.filter { $0 == 1 }.count, 2, "at most 2 tracks of one artist ahead: \(filled)")

        try client.command("next")
        try mpd.wait("the queue to refill after a skip") { try queue(client).count == 5 }
        XCTAssertEqual(Set(try queue(client)).count, 5, "no repeats after the skip")

        // Stopped, the queue shrinks; nothing may be added until MPD plays again. The radio handles MPD's
        // events in order, so an add while stopped would be said between these two lines.
        try client.command("stop")
        try lines.wait(for: "MPD is stopped", count: 1)
        try client.command("delete 3:5")
        XCTAssertEqual(try queue(client).count, 3)
        try client.command("play 1")
        try lines.wait(for: "MPD plays", count: 2)
        try mpd.wait("the queue to refill after play") { try queue(client).count == 5 }
        let whileStopped = try XCTUnwrap(lines.between("MPD is stopped", and: "MPD plays"))
        XCTAssertFalse(whileStopped.contains("added "), "added while MPD was stopped: \(whileStopped)")

        mpd.stop()
        try lines.wait(for: "lost MPD", count: 1)
        try mpd.start()
        try lines.wait(for: "connected to MPD", count: 2)
        let again = try mpd.connect()
        try again.command("clear")
        try again.command("add " + MPDConnection.quoted(first))
        try again.command("play 0")
        try mpd.wait("the queue to fill after the restart") { try queue(again).count == 4 }
    }

    private func queue(_ client: MPDConnection) throws -> [String] {
        try client.command("playlistinfo").filter { $0.key == "file" }.map(\.value)
    }
}

/// The radio's output lines as they come, for waiting on what it says.
final class RadioLines: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func attach(to process: Process) {
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.text += String(decoding: data, as: UTF8.self)
            self.lock.unlock()
        }
    }

    func count(of phrase: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return text.components(separatedBy: phrase).count - 1
    }

    /// What was said after the last `start` and before the first `end` after it.
    func between(_ start: String, and end: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard let from = text.range(of: start, options: .backwards),
              let to = text.range(of: end, range: from.upperBound..<text.endIndex) else { return nil }
        return String(text[from.upperBound..<to.lowerBound])
    }

    /// Waits up to 60 s for `phrase` to have been said `count` times.
    func wait(for phrase: String, count: Int) throws {
        for _ in 0..<1200 {
            if self.count(of: phrase) >= count { return }
            usleep(50_000)
        }
        lock.lock()
        defer { lock.unlock() }
        throw MPDError("timed out waiting for \"\(phrase)\" ×\(count); the radio said:\n\(text)")
    }
}
