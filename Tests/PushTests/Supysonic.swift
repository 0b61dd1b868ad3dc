import Foundation
import TestSupport
import XCTest

/// A real supysonic (Debian's package) on a free loopback port, over its own copy of a music
/// folder, with one user; stopped by its PID when the test ends.
final class Supysonic {
    let port: Int
    let user = "alice"
    let password = "s3cret-pass"
    let music: URL
    private let process: Process

    var url: String { "http://127.0.0.1:\(port)" }

    init(in directory: URL, music: URL) throws {
        self.music = music
        let home = directory.appendingPathComponent("supysonic")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        // supysonic reads ./supysonic.conf from its working directory.
        try """
            [base]
            database_uri = sqlite:///\(home.path)/supysonic.db
            [webapp]
            cache_dir = \(home.path)/cache
            log_level = WARNING
            [daemon]
            socket = \(home.path)/daemon.sock
            run_watcher = no
            """.write(to: home.appendingPathComponent("supysonic.conf"), atomically: true, encoding: .utf8)
        for arguments in [["user", "add", user, "-p", password], ["folder", "add", "music", music.path], ["folder", "scan", "music"]] {
            try Self.run("/usr/bin/supysonic-cli", arguments, in: home)
        }
        port = try LiveServer.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/supysonic-server")
        process.arguments = ["-S", "waitress", "-h", "127.0.0.1", "-p", String(port)]
        process.currentDirectoryURL = home
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilAnswering()
    }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    /// The server's playlists as a Subsonic client sees them: name → (id, song paths in order).
    func playlists() throws -> [String: (id: String, paths: [String])] {
        var result: [String: (id: String, paths: [String])] = [:]
        let list = try call("getPlaylists")["playlists"] as? [String: Any]
        for entry in list?["playlist"] as? [[String: Any]] ?? [] {
            let id = "\(entry["id"]!)"
            let playlist = try call("getPlaylist", "id=\(id)")["playlist"] as? [String: Any]
            let songs = playlist?["entry"] as? [[String: Any]] ?? []
            result[entry["name"] as! String] = (id, songs.compactMap { $0["path"] as? String })
        }
        return result
    }

    private func call(_ method: String, _ query: String = "") throws -> [String: Any] {
        let hex = password.utf8.map { String(format: "%02x", $0) }.joined()
        let url = URL(string: "\(self.url)/rest/\(method)?u=\(user)&p=enc:\(hex)&v=1.10.2&c=test&f=json&\(query)")!
        let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as? [String: Any]
        return try XCTUnwrap(json?["subsonic-response"] as? [String: Any])
    }

    private func waitUntilAnswering() throws {
        let ping = URL(string: "\(url)/rest/ping?f=json")!
        for _ in 0..<600 {
            guard process.isRunning else { throw TestFailure("supysonic-server exited at start") }
            if (try? Data(contentsOf: ping)) != nil { return }
            usleep(100_000)
        }
        stop()
        throw TestFailure("supysonic-server did not answer within 60 s")
    }

    private static func run(_ tool: String, _ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let result = try TonearmCLI.runToEnd(process)
        guard result.status == 0 else { throw TestFailure("\(tool) \(arguments.first ?? ""): \(result.stderr)") }
    }
}
