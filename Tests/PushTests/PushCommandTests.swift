import CollectionScan
import Playlists
import Foundation
import TestSupport
import TrackStore
import XCTest

/// `tonearm push` against a real supysonic (Debian's), which serves its own copy of the files under
/// another root and lacks one of them.
final class PushCommandTests: TemporaryDirectoryTestCase {
    private var server: Supysonic!
    private var local: URL!
    private var storePath: String!
    private var passwordFile: URL!
    /// Local files in the saved playlist's order (by path); the server lacks `fairy.flac`.
    private let names = ["fairy.flac", "fishin.ogg", "galway.m4a", "pipes.mp3", "vibe.mp3"]
    private let sources = ["kevin_macleod_tchaikovsky_sugar_plum_fairy.flac", "karissa_hobbs_lets_go_fishin.ogg",
                           "kevin_macleod_galway_alac.m4a", "boom_pipes.mp3", "kevin_macleod_vibe_ace.mp3"]

    override func setUpWithError() throws {
        try super.setUpWithError()
        local = directory.appendingPathComponent("home/music")
        let library = directory.appendingPathComponent("srv/library")
        let shared = try Fixtures.goodAudioFiles()
        for folder in [local!, library] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        for (name, source) in zip(names, sources) {
            let original = try XCTUnwrap(shared.first { $0.lastPathComponent == source })
            try FileManager.default.copyItem(at: original, to: local.appendingPathComponent(name))
            if name != "fairy.flac" { try FileManager.default.copyItem(at: original, to: library.appendingPathComponent(name)) }
        }
        storePath = directory.appendingPathComponent("store.sqlite").path
        try recordTracks()
        passwordFile = directory.appendingPathComponent("password")
        server = try Supysonic(in: directory, music: library)
        try "\(server.password)\n".write(to: passwordFile, atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        server?.stop()
        try super.tearDownWithError()
    }

    /// The local files in the store with the tags and duration FFmpeg reads from them, louder in
    /// `names` order, and a saved smart playlist "Test mix" of every track from the quietest.
    private func recordTracks() throws {
        let store = try TrackStore(path: storePath)
        _ = try store.sync(root: local.path)
        for (index, name) in names.enumerated() {
            let path = local.appendingPathComponent(name).path
            let probe = try Self.probe(path)
            var analysis = TrackAnalysis(trackId: try XCTUnwrap(try store.track(path: path)?.id))
            analysis.duration = probe.duration
            (analysis.title, analysis.artist, analysis.album) = (probe.tags["title"], probe.tags["artist"], probe.tags["album"])
            analysis.signal = SignalFeatures(trackId: analysis.trackId, bpm: 120, bpmConfidence: 3,
                                             keys: Dictionary(uniqueKeysWithValues: KeyProfile.allCases.map {
                                                 ($0, KeyEstimate(key: "C", scale: "major", strength: 0.8)) }),
                                             loudnessLufs: -20 + 2 * Double(index), loudnessRangeLu: 5, provenance: "test")
            // Embeddings along a line: each track's nearest neighbours are the next ones in `names`.
            analysis.musicnn = MusicnnFeatures(trackId: analysis.trackId, embedding: (0..<200).map { $0 == 0 ? 1 : $0 == 1 ? Float(index) * 0.3 : 0 },
                                               valence: 5, arousal: 5, provenance: "test")
            try store.save(analysis)
        }
        let ids = try names.map { try XCTUnwrap(try store.track(path: local.appendingPathComponent($0).path)?.id) }
        _ = try store.createSavedPlaylist(name: "Test mix", owner: "local", trackIds: ids, query: #"[["sort","loudness"],["order","asc"]]"#)
    }

    private func push(_ arguments: [String], password: URL? = nil) throws -> TonearmCLI.Result {
        try TonearmCLI.run(["push", "--db", storePath, "--server", server.url, "--user", server.user,
                            "--password-file", (password ?? passwordFile).path] + arguments)
    }

    func testFirstPushCreatesLaterPushesKeepTheIdAndMissingTracksAreListed() throws {
        let created = try push(["--map-path", "\(local.path)=", "Test mix"])
        XCTAssertEqual(created.status, 0, created.stdout + created.stderr)
        XCTAssertTrue(created.stdout.contains("created \"Test mix\""), created.stdout)
        XCTAssertTrue(created.stdout.contains(": 4 of 5 tracks"), created.stdout)
        XCTAssertTrue(created.stdout.contains("  not on the server: \(local.appendingPathComponent("fairy.flac").path)"), created.stdout)
        let first = try XCTUnwrap(try server.playlists()["Test mix"])
        XCTAssertEqual(first.paths, ["fishin.ogg", "galway.m4a", "pipes.mp3", "vibe.mp3"])
        let remembered = try TrackStore(path: storePath).pushedPlaylistId(server: server.url, user: server.user, name: "Test mix")
        XCTAssertEqual(remembered, first.id)

        // The saved query changes; the push replaces the songs under the same id.
        let store = try TrackStore(path: storePath)
        let saved = try XCTUnwrap(try store.savedPlaylists().first { $0.name == "Test mix" })
        try store.updateSavedPlaylist(id: saved.id, SavedPlaylistChange(query: #"[["sort","loudness"],["order","desc"],["n","3"]]"#))
        let updated = try push(["--map-path", "\(local.path)=", "Test mix"])
        XCTAssertEqual(updated.status, 0, updated.stdout + updated.stderr)
        XCTAssertTrue(updated.stdout.contains("updated \"Test mix\" (playlist id \(first.id)): 3 of 3 tracks"), updated.stdout)
        let playlists = try server.playlists()
        XCTAssertEqual(playlists.count, 1, "no second playlist of that name")
        XCTAssertEqual(playlists["Test mix"]?.id, first.id)
        XCTAssertEqual(playlists["Test mix"]?.paths, ["vibe.mp3", "pipes.mp3", "galway.m4a"])
    }

    func testWithoutAMappingSongsAreMatchedByTheirTags() throws {
        let result = try push(["Test mix"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains(": 4 of 5 tracks"), result.stdout)
        XCTAssertEqual(try server.playlists()["Test mix"]?.paths, ["fishin.ogg", "galway.m4a", "pipes.mp3", "vibe.mp3"])
    }

    func testSimilarTracksAndAQueryArePushedUnderTheirNames() throws {
        let mapping = ["--map-path", "\(local.path)="]
        let similar = try push(mapping + ["--name", "Like fishin", "--similar", local.appendingPathComponent("fishin.ogg").path,
                                          "-n", "3", "--by", "musicnn"])
        XCTAssertEqual(similar.status, 0, similar.stdout + similar.stderr)
        XCTAssertTrue(similar.stdout.contains("created \"Like fishin\""), similar.stdout)
        let loud = try push(mapping + ["--name", "Loud", "--loudness", "-15-"])
        XCTAssertEqual(loud.status, 0, loud.stdout + loud.stderr)
        let playlists = try server.playlists()
        // fishin's two nearest are galway and fairy, which the server lacks.
        XCTAssertTrue(similar.stdout.contains(": 2 of 3 tracks"), similar.stdout)
        XCTAssertTrue(similar.stdout.contains("not on the server: \(local.appendingPathComponent("fairy.flac").path)"), similar.stdout)
        XCTAssertEqual(playlists["Like fishin"]?.paths, ["fishin.ogg", "galway.m4a"], "the seed comes first")
        XCTAssertEqual(Set(playlists["Loud"]?.paths ?? []), ["pipes.mp3", "vibe.mp3"])
    }

    func testAWrongPasswordIsRefusedInOneLineThatHoldsNoPassword() throws {
        let wrong = directory.appendingPathComponent("wrong")
        try "not-the-password\n".write(to: wrong, atomically: true, encoding: .utf8)
        let result = try push(["Test mix"], password: wrong)
        XCTAssertNotEqual(result.status, 0)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("refused user alice"), result.stderr)
        XCTAssertFalse((result.stdout + result.stderr).contains("not-the-password"))
        XCTAssertFalse((result.stdout + result.stderr).contains(server.password))
        XCTAssertEqual(try server.playlists().count, 0)
    }

    private static func probe(_ path: String) throws -> (duration: Double, tags: [String: String]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ffprobe")
        process.arguments = ["-v", "error", "-show_entries", "format=duration:format_tags:stream_tags", "-of", "json", path]
        let output = try TonearmCLI.runToEnd(process).stdout
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let format = try XCTUnwrap(json["format"] as? [String: Any])
        var tags: [String: String] = [:]
        let streams = (json["streams"] as? [[String: Any]] ?? []).compactMap { $0["tags"] as? [String: String] }
        for group in streams + [format["tags"] as? [String: String] ?? [:]] {
            for (key, value) in group { tags[key.lowercased()] = value }
        }
        return (Double(format["duration"] as? String ?? "") ?? 0, tags)
    }
}
