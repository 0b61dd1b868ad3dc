import Foundation
import TestSupport
import TrackStore
import XCTest

/// `tonearm tag` on real files of every format it writes, read back with mutagen and ffprobe.
final class TagCommandTests: TemporaryDirectoryTestCase {
    private func tag(_ folder: TaggedFolder, _ arguments: [String] = []) throws -> TonearmCLI.Result {
        try TonearmCLI.run(["tag", "--db", folder.store.path] + arguments)
    }

    func testDryRunChangesNothingAndWriteSetsTheFieldsOfEveryFormat() throws {
        let folder = try TaggedFolder(in: directory)
        let names = TaggedFolder.taggable
        let before = try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: folder.url($0))) })
        let md5s = try Dictionary(uniqueKeysWithValues: names.map { ($0, try TaggedFolder.audioMD5(folder.url($0))) })
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: folder.url("fairy.flac").path)

        let dry = try tag(folder)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("would tag \(folder.url("v24.mp3").path) (mp3-id3v2.4):"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("  TBPM: (none) → 128"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("skipped \(folder.url("beat.wav").path): unsupported format (.wav)"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("dry run: 7 files would be tagged"), dry.stdout)
        for name in names { XCTAssertEqual(try Data(contentsOf: folder.url(name)), before[name], "dry run touched \(name)") }

        let written = try tag(folder, ["--write"])
        XCTAssertEqual(written.status, 0, written.stdout + written.stderr)
        XCTAssertTrue(written.stdout.contains("7 files tagged, 0 already as they should be, 1 skipped, 0 failed"), written.stdout)

        for name in names {
            XCTAssertEqual(try TaggedFolder.audioMD5(folder.url(name)), md5s[name], "the audio of \(name) changed")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: folder.url("fairy.flac").path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640, "the file's mode is kept")

        // ID3, both versions kept.
        for (name, version) in [("v24.mp3", "4"), ("v23.mp3", "3")] {
            let tags = try TaggedFolder.mutagenTags(folder.url(name))
            XCTAssertEqual(tags["_id3_version"], [version], name)
            XCTAssertEqual(tags["TBPM"], ["128"], name)
            XCTAssertEqual(tags["TKEY"], ["C#m"], name)
            XCTAssertEqual(tags["TMOO"], ["Aggressive"], name)
            XCTAssertEqual(tags["TXXX:REPLAYGAIN_TRACK_GAIN"], ["-3.70 dB"], name)
            XCTAssertEqual(tags["TXXX:TONEARM_STYLES"], ["Parent3---Style10; Parent3---Style3"], name)
            XCTAssertEqual(tags["TXXX:TONEARM_DANCEABILITY"], ["0.700"], name)
            XCTAssertNil(tags["TCON"], "GENRE is opt-in")
            let probed = try TaggedFolder.ffprobeTags(folder.url(name))
            XCTAssertEqual(probed["tbpm"], "128", name)
            XCTAssertEqual(probed["tkey"], "C#m", name)
            XCTAssertEqual(probed["replaygain_track_gain"], "-3.70 dB", name)
            let peak = try XCTUnwrap(Double(try XCTUnwrap(probed["replaygain_track_peak"])), name)
            XCTAssertTrue(peak > 0.05 && peak < 1.5, "\(name) peak \(peak)")
        }
        // Vorbis comments (FLAC, Ogg Vorbis): both key fields, ReplayGain 2.0.
        for name in ["fairy.flac", "fishin.ogg"] {
            let tags = try TaggedFolder.mutagenTags(folder.url(name))
            XCTAssertEqual(tags["BPM"], ["128"], name)
            XCTAssertEqual(tags["INITIALKEY"], ["C#m"], name)
            XCTAssertEqual(tags["KEY"], ["C#m"], name)
            XCTAssertEqual(tags["MOOD"], ["Aggressive"], name)
            XCTAssertEqual(tags["REPLAYGAIN_TRACK_GAIN"], ["-3.70 dB"], name)
            XCTAssertEqual(tags["TONEARM_VOICE"], ["0.250"], name)
            let probed = try TaggedFolder.ffprobeTags(folder.url(name))
            XCTAssertEqual(probed["initialkey"], "C#m", name)
            XCTAssertEqual(probed["replaygain_track_gain"], "-3.70 dB", name)
            XCTAssertNotNil(probed["replaygain_track_peak"], name)
        }
        // Opus: gain as R128_TRACK_GAIN (Q7.8 dB to −23 LUFS), no REPLAYGAIN_* (RFC 7845).
        let opus = try TaggedFolder.mutagenTags(folder.url("fishin.opus"))
        XCTAssertEqual(opus["R128_TRACK_GAIN"], ["\(Int(((-23.0 + 14.3) * 256).rounded()))"])
        XCTAssertNil(opus["REPLAYGAIN_TRACK_GAIN"])
        XCTAssertEqual(try TaggedFolder.ffprobeTags(folder.url("fishin.opus"))["bpm"], "128")
        // MP4: tmpo, iTunes free-form atoms; the album gain covers both tracks of "Test Album".
        for name in ["galway-alac.m4a", "gold-aac.m4a"] {
            let tags = try TaggedFolder.mutagenTags(folder.url(name))
            XCTAssertEqual(tags["tmpo"], ["128"], name)
            XCTAssertEqual(tags["----:com.apple.iTunes:initialkey"], ["C#m"], name)
            XCTAssertEqual(tags["----:com.apple.iTunes:MOOD"], ["Aggressive"], name)
            // Two 30-s tracks at −14.3 and −10 LUFS: 10·log10((10^−1.43 + 10^−1.0) / 2) = −11.64 LUFS.
            XCTAssertEqual(tags["----:com.apple.iTunes:replaygain_album_gain"], ["-6.36 dB"], name)
            let probed = try TaggedFolder.ffprobeTags(folder.url(name))
            XCTAssertEqual(probed["initialkey"], "C#m", name)
            XCTAssertEqual(probed["replaygain_album_gain"], "-6.36 dB", name)
        }
        XCTAssertEqual(try TaggedFolder.mutagenTags(folder.url("gold-aac.m4a"))["----:com.apple.iTunes:replaygain_track_gain"],
                       ["-8.00 dB"])

        // A second --write changes nothing, and the next scan takes none of the files for changed.
        let again = try tag(folder, ["--write"])
        XCTAssertTrue(again.stdout.contains("0 files tagged, 7 already as they should be, 1 skipped, 0 failed"), again.stdout)
        let scan = try TonearmCLI.run(["scan", folder.root.path, "--db", folder.store.path])
        XCTAssertTrue(scan.stdout.contains("0 new, 0 changed"), scan.stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.root.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary copy is left behind")
    }

    func testUndoPutsBackEveryValueTheFilesHad() throws {
        let folder = try TaggedFolder(in: directory, recorded: false)
        // Values of the user's own in fields tonearm sets, before the analysis: they must come back exactly.
        try TaggedFolder.python("""
            import mutagen
            from mutagen.id3 import ID3, TBPM, TXXX
            t = ID3(sys.argv[1]); t.add(TBPM(encoding=1, text=["90"])); t.add(TXXX(encoding=3, desc="MOOD", text=["calm"])); t.save(v2_version=3)
            f = mutagen.File(sys.argv[2]); f["BPM"] = ["91"]; f["INITIALKEY"] = ["Am", "8A"]; f.save()
            f = mutagen.File(sys.argv[3]); f["tmpo"] = [92]; f.save()
            """, [folder.url("v23.mp3").path, folder.url("fairy.flac").path, folder.url("gold-aac.m4a").path])
        try folder.record(TaggedFolder.sources.map { folder.url($0.name).path })
        let names = TaggedFolder.taggable
        let original = try Dictionary(uniqueKeysWithValues: names.map { ($0, try TaggedFolder.mutagenTags(folder.url($0))) })
        let md5s = try Dictionary(uniqueKeysWithValues: names.map { ($0, try TaggedFolder.audioMD5(folder.url($0))) })

        XCTAssertEqual(try tag(folder, ["--write"]).status, 0)
        XCTAssertEqual(try TaggedFolder.mutagenTags(folder.url("fairy.flac"))["BPM"], ["128"])
        let dryUndo = try tag(folder, ["--undo"])
        XCTAssertTrue(dryUndo.stdout.contains("  BPM: 128 → 91"), dryUndo.stdout)
        XCTAssertEqual(try TaggedFolder.mutagenTags(folder.url("fairy.flac"))["BPM"], ["128"], "a dry undo writes nothing")

        let undone = try tag(folder, ["--undo", "--write"])
        XCTAssertEqual(undone.status, 0, undone.stdout + undone.stderr)
        XCTAssertTrue(undone.stdout.contains("7 files restored"), undone.stdout)
        for name in names {
            XCTAssertEqual(try TaggedFolder.mutagenTags(folder.url(name)), original[name], "\(name) after undo")
            XCTAssertEqual(try TaggedFolder.audioMD5(folder.url(name)), md5s[name], name)
        }
        XCTAssertTrue(try tag(folder, ["--undo", "--write"]).stdout.contains("0 files restored"), "an undo is done once")
        let scan = try TonearmCLI.run(["scan", folder.root.path, "--db", folder.store.path])
        XCTAssertTrue(scan.stdout.contains("0 new, 0 changed"), scan.stdout)
    }

    func testReadOnlyFileAndFolderGetOneLineAndTheRunGoesOn() throws {
        let folder = try TaggedFolder(in: directory)
        let locked = folder.url("fairy.flac")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: locked.path)
        let sealed = folder.root.appendingPathComponent("sealed")
        try FileManager.default.createDirectory(at: sealed, withIntermediateDirectories: true)
        let inSealed = sealed.appendingPathComponent("v24.mp3")
        try FileManager.default.copyItem(at: folder.url("v24.mp3"), to: inSealed)
        try folder.record([inSealed.path])
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: sealed.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sealed.path) }
        let lockedBytes = try Data(contentsOf: locked)

        let result = try tag(folder, ["--write"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("skipped \(locked.path): read-only file") }.count, 1, result.stdout)
        XCTAssertEqual(try Data(contentsOf: locked), lockedBytes)
        XCTAssertEqual(lines.filter { $0.hasPrefix("skipped \(inSealed.path): read-only folder") }.count, 1, result.stdout)
        XCTAssertNil(try TaggedFolder.mutagenTags(inSealed)["TBPM"])
        XCTAssertTrue(result.stdout.contains("6 files tagged"), result.stdout)
        XCTAssertEqual(try TaggedFolder.mutagenTags(folder.url("fishin.ogg"))["BPM"], ["128"])
    }

    /// `kill -9` while files are being written: each file is whole, either as before or as a finished
    /// run leaves it, its audio unchanged; the next run completes and the scan sees no changed file.
    func testKilledRunLeavesEveryFileWholeOldOrNew() throws {
        let folder = try TaggedFolder(in: directory, copies: 3)
        let files: [URL] = (0..<3).map { copy in TaggedFolder.taggable.map { folder.url($0, copy: copy) } }.joined().map { $0 }
        let before = try files.map(TaggedFolder.mutagenTags)
        let md5s = try files.map(TaggedFolder.audioMD5)

        let process = try TonearmCLI.start(["tag", "--db", folder.store.path, "--write"])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("\ntagged ") && !String(decoding: seen, as: UTF8.self).hasPrefix("tagged ") {
            let chunk = output.fileHandleForReading.availableData
            XCTAssertFalse(chunk.isEmpty, "tonearm tag ended before writing a file")
            if chunk.isEmpty { return }
            seen.append(chunk)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let middle = try files.map(TaggedFolder.mutagenTags)

        let finished = try tag(folder, ["--write"])
        XCTAssertEqual(finished.status, 0, finished.stdout + finished.stderr)
        let after = try files.map(TaggedFolder.mutagenTags)
        var written = 0
        for index in files.indices {
            XCTAssertTrue(middle[index] == before[index] || middle[index] == after[index], "\(files[index].path) is neither old nor new")
            XCTAssertNotEqual(before[index], after[index])
            XCTAssertEqual(try TaggedFolder.audioMD5(files[index]), md5s[index], files[index].path)
            if middle[index] == after[index] { written += 1 }
        }
        XCTAssertGreaterThan(written, 0)
        XCTAssertLessThan(written, files.count, "the kill came after the whole run")
        let scan = try TonearmCLI.run(["scan", folder.root.path, "--db", folder.store.path])
        XCTAssertTrue(scan.stdout.contains("0 new, 0 changed"), scan.stdout)
        for copy in 0..<3 {
            let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.root.appendingPathComponent("copy\(copy)").path)
                .filter { $0.hasPrefix(".") }
            XCTAssertEqual(hidden, [], "no temporary copy is left behind")
        }
    }
}
