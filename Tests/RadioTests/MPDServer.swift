import Foundation
import MPDRadio
import TestSupport
import XCTest

/// A real mpd (Debian's) on a free loopback port with a null audio output, its own config, database
/// and state in a temporary folder, over the shared audio folder (which it only reads); stopped by
/// its PID.
final class MPDServer {
    let port: Int
    private let config: URL
    private var process: Process?

    init(in directory: URL, music: URL) throws {
        port = try LiveServer.freePort()
        config = directory.appendingPathComponent("mpd.conf")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("playlists"), withIntermediateDirectories: true)
        try """
            music_directory "\(music.path)"
            playlist_directory "\(directory.path)/playlists"
            db_file "\(directory.path)/mpd.db"
            bind_to_address "127.0.0.1"
            port "\(port)"
            auto_update "no"
            audio_output {
                type "null"
                name "silence"
                mixer_type "none"
            }
            """.write(to: config, atomically: true, encoding: .utf8)
        try start()
        let mpd = try connect()
        try mpd.command("update")
        try wait("mpd to index the music folder") { try mpd.fields("status")["updating_db"] == nil && (try mpd.fields("stats")["songs"] ?? "0") != "0" }
    }

    func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/mpd")
        process.arguments = ["--no-daemon", config.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        try wait("mpd to listen") { (try? MPDConnection(host: "127.0.0.1", port: port)) != nil }
    }

    func stop() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    func connect() throws -> MPDConnection {
        try MPDConnection(host: "127.0.0.1", port: port)
    }

    /// Polls `condition` every 50 ms for up to 60 s.
    func wait(_ what: String, _ condition: () throws -> Bool) throws {
        for _ in 0..<1200 {
            if try condition() { return }
            usleep(50_000)
        }
        throw MPDError("timed out waiting for \(what)")
    }
}
