import CollectionScan
import Foundation
import TestSupport
import TrackStore
import XCTest

/// A folder of real audio copied from the shared set, one file per format `tonearm tag` writes (and a
/// WAV it must skip), recorded in a store with known descriptors, and ways to read the files back
/// with mutagen, ffprobe and ffmpeg.
struct TaggedFolder {
    let root: URL
    let store: URL

    /// name in the folder → shared file it is made from (an Opus file is encoded from the Ogg Vorbis one;
    /// `v23.mp3` has its ID3 tag saved as v2.3).
    static let sources: [(name: String, source: String)] = [
        ("v24.mp3", "kevin_macleod_vibe_ace.mp3"),
        ("v23.mp3", "boom_pipes.mp3"),
        ("fairy.flac", "kevin_macleod_tchaikovsky_sugar_plum_fairy.flac"),
        ("fishin.ogg", "karissa_hobbs_lets_go_fishin.ogg"),
        ("fishin.opus", "karissa_hobbs_lets_go_fishin.ogg"),
        ("galway-alac.m4a", "kevin_macleod_galway_alac.m4a"),
        ("gold-aac.m4a", "kevin_macleod_gold_rush.m4a"),
        ("beat.wav", "boom_dopebeat2.wav"),
    ]
    static var taggable: [String] { sources.map(\.name).filter { !$0.hasSuffix(".wav") } }

    /// `copies` > 1 repeats the set in numbered subfolders (for interrupted runs). Unless `recorded`
    /// is false, the files are then recorded as analyzed (else the test edits them and calls `record`).
    init(in directory: URL, copies: Int = 1, recorded: Bool = true) throws {
        root = directory.appendingPathComponent("music")
        store = directory.appendingPathComponent("store.sqlite")
        let shared = try Fixtures.goodAudioFiles()
        for copy in 0..<copies {
            let folder = copies == 1 ? root : root.appendingPathComponent("copy\(copy)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, source) in Self.sources {
                let original = try XCTUnwrap(shared.first { $0.lastPathComponent == source })
                let target = folder.appendingPathComponent(name)
                if name.hasSuffix(".opus") {
                    try Self.run(["ffmpeg", "-v", "error", "-nostdin", "-i", original.path, "-c:a", "libopus", "-b:a", "64k", target.path])
                } else {
                    try FileManager.default.copyItem(at: original, to: target)
                }
                // The shared files are read-only; a user's own files are not.
                try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target.path)
            }
            try Self.python("from mutagen.id3 import ID3; t = ID3(sys.argv[1]); t.save(v2_version=3)",
                            [folder.appendingPathComponent("v23.mp3").path])
        }
        if recorded { try record(try TrackStore(path: store.path).sync(root: root.path).files.map(\.path)) }
    }

    /// Records the files in the store and gives every track the same known descriptors: 128 BPM,
    /// C# minor, −14.3 LUFS, arousal 6 / valence 3, and the album "Test Album" for the two M4A files.
    func record(_ paths: [String]) throws {
        let trackStore = try TrackStore(path: store.path)
        _ = try trackStore.sync(paths: paths)
        try trackStore.saveStyleLabels((0..<400).map { "Parent\($0 % 7)---Style\($0)" })
        for path in paths {
            let track = try XCTUnwrap(try trackStore.track(path: path))
            let id = track.id!
            var analysis = TrackAnalysis(trackId: id)
            analysis.duration = 30
            if track.path.hasSuffix(".m4a") { analysis.album = "Test Album" }
            let key = KeyEstimate(key: "C#", scale: "minor", strength: 0.9)
            analysis.signal = SignalFeatures(trackId: id, bpm: 128.2, bpmConfidence: 3.5,
                                             keys: Dictionary(uniqueKeysWithValues: KeyProfile.allCases.map { ($0, key) }),
                                             loudnessLufs: track.path.hasSuffix("gold-aac.m4a") ? -10.0 : -14.3,
                                             loudnessRangeLu: 5, provenance: "test")
            var activations = [Float](repeating: 0.01, count: 400)
            (activations[10], activations[3]) = (0.8, 0.4)
            analysis.effnet = EffnetFeatures(trackId: id, embedding: [Float](repeating: 0.1, count: 1280), styles: activations,
                                             voice: 0.25, danceability: 0.7, provenance: "test")
            analysis.musicnn = MusicnnFeatures(trackId: id, embedding: [Float](repeating: 0.1, count: 200), valence: 3,
                                               arousal: 6, provenance: "test")
            try trackStore.save(analysis)
        }
    }

    func url(_ name: String, copy: Int? = nil) -> URL {
        (copy.map { root.appendingPathComponent("copy\($0)") } ?? root).appendingPathComponent(name)
    }

    /// Every tag of the file as mutagen reads it: key → values (ID3 text frames as they are, Vorbis
    /// comment names upper-cased, MP4 free-form atoms decoded as UTF-8), plus `_id3_version` for MP3.
    static func mutagenTags(_ file: URL) throws -> [String: [String]] {
        let output = try python("""
            import mutagen, mutagen.mp4
            from mutagen.id3 import ID3
            f = mutagen.File(sys.argv[1])
            out = {}
            if isinstance(f.tags, ID3):
                out["_id3_version"] = [str(f.tags.version[1])]
                for frame in f.tags.values():
                    if hasattr(frame, "text"):
                        out[frame.HashKey] = [str(t) for t in frame.text]
            elif isinstance(f, mutagen.mp4.MP4):
                for key in f.tags.keys():
                    out[key] = [bytes(v).decode() if isinstance(v, bytes) else str(v) for v in f.tags[key]]
            elif f.tags is not None:
                for key in f.tags.keys():
                    out[key.upper()] = list(f.tags[key])
            print(json.dumps(out))
            """, [file.path])
        return try JSONDecoder().decode([String: [String]].self, from: Data(output.utf8))
    }

    /// The container's and streams' tags as ffprobe (FFmpeg's own readers) reports them, keys lower-cased.
    static func ffprobeTags(_ file: URL) throws -> [String: String] {
        let output = try run(["ffprobe", "-v", "error", "-show_entries", "format_tags:stream_tags", "-of", "json", file.path])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        var tags: [String: String] = [:]
        let format = (json["format"] as? [String: Any])?["tags"] as? [String: String] ?? [:]
        let streams = (json["streams"] as? [[String: Any]] ?? []).compactMap { $0["tags"] as? [String: String] }
        for group in [format] + streams {
            for (key, value) in group { tags[key.lowercased()] = value }
        }
        return tags
    }

    /// MD5 of the decoded audio stream.
    static func audioMD5(_ file: URL) throws -> String {
        try run(["ffmpeg", "-v", "error", "-nostdin", "-i", file.path, "-map", "0:a", "-f", "md5", "-"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    static func python(_ script: String, _ arguments: [String]) throws -> String {
        let python = Fixtures.repoRoot.appendingPathComponent(".venv/bin/python").path
        return try run([python, "-c", "import json, sys\n" + script] + arguments)
    }

    @discardableResult
    static func run(_ command: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let result = try TonearmCLI.runToEnd(process)
        guard result.status == 0 else { throw TestFailure("\(command[0]) failed: \(result.stderr)") }
        return result.stdout
    }
}
