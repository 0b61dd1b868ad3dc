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
        let run = try runAgainstLiveServer("check_clients.py")
        XCTAssertTrue(run.output.contains("validated against the schemas"), run.output)
    }

    /// The call sequences of Feishin, Supersonic, DSub, Tempo, Amperfy, Substreamer and Symfonium
    /// (Tests/subsonic-clients/player_sequences.py), replayed against the real server.
    func testPlayerSequencesAgainstTheLiveServer() throws {
        let run = try runAgainstLiveServer("player_sequences.py")
        for player in ["Feishin", "Supersonic", "DSub", "Tempo", "Amperfy", "Substreamer", "Symfonium"] {
            XCTAssertTrue(run.output.contains("\(player): ok"), run.output)
        }
    }

    /// Runs a script of Tests/subsonic-clients against `tonearm serve` over the fixture, with the user
    /// alice (password and API key made by the real `tonearm users` commands); it must exit 0 and fail nothing.
    private func runAgainstLiveServer(_ script: String) throws -> (status: Int32, output: String) {
        let python = Fixtures.repoRoot.appendingPathComponent(".venv-test/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            XCTFail("no .venv-test: run scripts/setup")
            return (1, "")
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
        let path = Fixtures.repoRoot.appendingPathComponent("Tests/subsonic-clients/\(script)")
        let run = try Self.run(python.path, [path.path, "--port", String(server.port), "--expect", expectFile.path,
                                             "--schemas", Fixtures.shared.appendingPathComponent("opensubsonic-openapi").path])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertFalse(run.output.contains("FAIL"), run.output)
        return run
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
