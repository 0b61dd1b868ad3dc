import Foundation
import TestSupport
import XCTest

/// The Subsonic API of a live `tonearm serve`, driven by py-opensonic and py-sonic (clients nobody on
/// the team wrote) from Tests/subsonic-clients/check_clients.py, every JSON reply validated against
/// the OpenSubsonic schemas; users and an API key made with the real `tonearm users` commands.
final class SubsonicClientTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryDirectory("tonearm-subsonic")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testClientLibrariesAgainstTheLiveServer() throws {
        let python = Fixtures.repoRoot.appendingPathComponent(".venv-test/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            return XCTFail("no .venv-test: run scripts/setup")
        }
        let fixture = try SubsonicFixture.make(in: folder)
        let db = fixture.store.path
        let password = "hünter2 & <pass>"
        let passwordFile = folder.appendingPathComponent("password.txt")
        try (password + "\n").write(to: passwordFile, atomically: true, encoding: .utf8)
        let added = try TonearmCLI.run(["users", "add", "alice", "--password-file", passwordFile.path, "--db", db])
        XCTAssertEqual(added.status, 0, added.stderr)
        let key = try TonearmCLI.run(["users", "api-key", "alice", "--db", db])
        XCTAssertEqual(key.status, 0, key.stderr)
        let listed = try TonearmCLI.run(["users", "list", "--db", db])
        XCTAssertTrue(listed.stdout.hasPrefix("alice\t"), listed.stdout)
        XCTAssertTrue(listed.stdout.contains("1 API key"), listed.stdout)

        let expectFile = folder.appendingPathComponent("expect.json")
        try JSONSerialization.data(withJSONObject: try expectations(fixture, password: password,
                                                                    apiKey: key.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            .write(to: expectFile)
        let server = try LiveServer(db: db)
        defer { server.stop() }
        let script = Fixtures.repoRoot.appendingPathComponent("Tests/subsonic-clients/check_clients.py")
        let run = try Self.run(python.path, [script.path, "--port", String(server.port), "--expect", expectFile.path,
                                             "--schemas", Fixtures.shared.appendingPathComponent("opensubsonic-openapi").path])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("validated against the schemas"), run.output)
        XCTAssertFalse(run.output.contains("FAIL"), run.output)
    }

    func testUsersRemoveForgetsTheUser() throws {
        let db = folder.appendingPathComponent("store.sqlite").path
        let added = try TonearmCLI.run(["users", "add", "bob", "--db", db], stdin: "pw\n")
        XCTAssertEqual(added.status, 0, added.stderr)
        let credentials = db + ".credentials"
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: credentials)[.posixPermissions] as? Int, 0o600)
        XCTAssertEqual(try TonearmCLI.run(["users", "remove", "bob", "--db", db]).status, 0)
        XCTAssertTrue(try TonearmCLI.run(["users", "list", "--db", db]).stdout.hasPrefix("no users"))
        let again = try TonearmCLI.run(["users", "remove", "bob", "--db", db])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("no user named \"bob\""), again.stderr)
        XCTAssertFalse(try String(contentsOfFile: credentials, encoding: .utf8).contains("pw"))
    }

    private func expectations(_ fixture: SubsonicFixture, password: String, apiKey: String) throws -> [String: Any] {
        var songs: [String: Any] = [:]
        for spec in SubsonicFixture.specs {
            songs[spec.name] = ["id": String(fixture.ids[spec.name]!), "path": try fixture.path(spec.name)]
        }
        let album: [String: Any] = ["name": SubsonicFixture.albumName, "artist": SubsonicFixture.albumArtist,
                                    "songIds": SubsonicFixture.album.map { String(fixture.ids[$0]!) }]
        return [
            "user": "alice", "password": password, "apiKey": apiKey, "songs": songs,
            "album": album, "albumCount": 4, "firstSongBpm": 118, "firstSongStyle": "Jazz---Bop",
            "nearestToVibe": SubsonicFixture.specs.dropFirst().map { String(fixture.ids[$0.name]!) },
            "methods": ["ping", "getLicense", "getUser", "getMusicFolders", "getIndexes", "getArtists", "getArtist", "getAlbum",
                        "getAlbumList2", "getSong", "getRandomSongs", "search3", "getGenres", "stream", "download", "getCoverArt",
                        "getPlaylists", "getPlaylist", "createPlaylist", "updatePlaylist", "deletePlaylist", "getSimilarSongs",
                        "getSimilarSongs2", "getTopSongs", "getSonicSimilarTracks", "findSonicPath", "getPodcasts", "getStarred2"],
        ]
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
