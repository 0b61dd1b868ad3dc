import Foundation
import TestSupport
import TrackStore
import XCTest

/// `tonearm similar` with several seeds, filters and tags, and `tonearm path`, run as a user would.
final class MixCommandTests: TemporaryDirectoryTestCase {
    private var storePath: String!

    /// Track tN sits at N × 10° by MusiCNN and runs at 100 + N BPM; t0–t2 are the album "Start".
    override func setUpWithError() throws {
        try super.setUpWithError()
        storePath = directory.appendingPathComponent("s.sqlite").path
        let builder = try StoreBuilder(path: storePath)
        for step in 0..<10 {
            let radians = Double(step) * 10 * .pi / 180
            try builder.addAnalyzedTrack(path: "/m/t\(step).mp3") { id, analysis in
                analysis.album = step < 3 ? "Start" : nil
                analysis.signal = SignalFeatures(trackId: id, bpm: 100 + Double(step), bpmConfidence: 3, keys: [:],
                                                 loudnessLufs: -14, loudnessRangeLu: 5, provenance: "test")
                analysis.musicnn = MusicnnFeatures(trackId: id, embedding: [Float(cos(radians)), Float(sin(radians))],
                                                   valence: 5, arousal: 5, provenance: "test")
            }
        }
    }

    private func listed(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: " ").last.map(String.init) }
    }

    func testSimilarTakesSeedsNegativesFiltersAndTags() throws {
        let mix = try TonearmCLI.run(["similar", "--db", storePath, "/m/t2.mp3", "/m/t6.mp3", "--by", "musicnn", "-n", "1"])
        XCTAssertEqual(mix.status, 0, mix.stderr)
        XCTAssertTrue(mix.stdout.hasPrefix("Nearest to t2.mp3, t6.mp3 by musicnn:"), mix.stdout)
        XCTAssertEqual(listed(mix.stdout), ["/m/t4.mp3"], mix.stdout)
        let filtered = try TonearmCLI.run(["similar", "--db", storePath, "/m/t0.mp3", "--by", "musicnn", "-n", "2",
                                           "--bpm", "105-", "--not", "/m/t9.mp3"])
        XCTAssertEqual(filtered.status, 0, filtered.stderr)
        XCTAssertEqual(listed(filtered.stdout), ["/m/t5.mp3", "/m/t6.mp3"], filtered.stdout)
        let album = try TonearmCLI.run(["similar", "--db", storePath, "--album", "start", "--by", "musicnn", "-n", "1"])
        XCTAssertEqual(listed(album.stdout), ["/m/t3.mp3"], album.stdout + album.stderr)
        let unknown = try TonearmCLI.run(["similar", "--db", storePath, "--artist", "Nobody", "--by", "musicnn"])
        XCTAssertEqual(unknown.stderr, "Error: no analyzed track has the artist tag 'Nobody'\n")
    }

    func testPathPrintsTheTracksAndTheirSmoothness() throws {
        let file = directory.appendingPathComponent("path.m3u8")
        let result = try TonearmCLI.run(["path", "--db", storePath, "/m/t0.mp3", "/m/t9.mp3", "-n", "4", "--by", "musicnn",
                                         "-o", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try M3U8Reader.entries(Data(contentsOf: file)).map(\.path), ["/m/t0.mp3", "/m/t3.mp3", "/m/t6.mp3", "/m/t9.mp3"])
        XCTAssertTrue(result.stdout.contains("smoothness: largest step 30.0°, mean step 30.0°, progress 100%"), result.stdout)
    }
}
