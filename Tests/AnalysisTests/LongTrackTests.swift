import Analysis
import Foundation
import TestSupport
import TrackStore
import XCTest

/// Hour-long files are analyzed (from excerpts, flagged as such), never failed for their length.
final class LongTrackTests: TemporaryDirectoryTestCase {
    func testAnHourAndThreeHourFileAreAnalyzedFromExcerptsAndFlagged() throws {
        let audio = directory.appendingPathComponent("audio")
        try copyAudio(["csd_en001b_childrens_song.mp3"], to: audio)
        let clip = audio.appendingPathComponent("csd_en001b_childrens_song.mp3")
        let hour = audio.appendingPathComponent("hour.mp3"), threeHours = audio.appendingPathComponent("three hours.mp3")
        try loop(clip, minutes: 60, into: hour)
        try loop(clip, minutes: 180, into: threeHours)
        let db = directory.appendingPathComponent("store.sqlite").path

        let (_, summary) = try analyze(audio, db: db, models: Fixtures.models, extra: ["--jobs", "2"])
        XCTAssertEqual(summary["analyzed"] as? Int, 3)
        XCTAssertEqual(summary["failed"] as? Int, 0)
        let store = try TrackStore(path: db)
        for (file, minutes) in [(hour, 60.0), (threeHours, 180.0)] {
            let track = try XCTUnwrap(try store.track(path: file.path))
            XCTAssertEqual(track.state, .analyzed, file.lastPathComponent)
            XCTAssertTrue(track.fromExcerpts, file.lastPathComponent)
            XCTAssertEqual(try XCTUnwrap(track.duration) / 60, minutes, accuracy: 0.5, "the whole file's duration")
        }
        XCTAssertFalse(try XCTUnwrap(try store.track(path: clip.path)).fromExcerpts, "a 30-s track is analyzed whole")
        XCTAssertEqual(try store.status().fromExcerpts, 2)

        let status = try TonearmCLI.run(["status", "--db", db])
        XCTAssertTrue(status.stdout.contains("from excerpts: 2)"), status.stdout)
        let export = try TonearmCLI.run(["export", "--format", "jsonl", "--db", db])
        let rows = export.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let flagged = rows.filter { ($0["from_excerpts"] as? Int) == 1 }.compactMap { $0["path"] as? String }
        XCTAssertEqual(Set(flagged), [hour.path, threeHours.path])
        let report = directory.appendingPathComponent("report")
        XCTAssertEqual(try TonearmCLI.run(["report", "--db", db, "-o", report.path]).status, 0)
        let page = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("Analyzed from excerpts (very long tracks)"), "the report shows the flag")
    }

    func testThePerTrackLimitGrowsWithTheDurationFromTheBase() {
        XCTAssertEqual(TrackTimeout.limit(base: 120, duration: 30), 120, "short tracks get the base")
        XCTAssertEqual(TrackTimeout.limit(base: 120, duration: 300), 120)
        XCTAssertEqual(TrackTimeout.limit(base: 120, duration: 3600), 1440, "the base per five minutes of audio")
    }

    /// Repeats an MP3's frames without re-encoding: instant, whatever the length.
    private func loop(_ source: URL, minutes: Double, into target: URL) throws {
        let copies = Int((minutes * 60 / 30.04).rounded())
        let ffmpeg = Process()
        ffmpeg.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        ffmpeg.arguments = ["-v", "error", "-stream_loop", "\(copies - 1)", "-i", source.path, "-c", "copy", target.path]
        try ffmpeg.run()
        ffmpeg.waitUntilExit()
        XCTAssertEqual(ffmpeg.terminationStatus, 0)
    }
}
