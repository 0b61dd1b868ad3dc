import Evaluation
import Foundation
import TestSupport
import TrackStore
import XCTest

final class EvaluatorTests: TemporaryDirectoryTestCase {
    private func styles(_ hot: Int) -> [Float] {
        (0..<400).map { $0 == hot ? 0.9 : 0.01 }
    }

    func testScoresOnAHandcraftedStoreAreExact() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("s.sqlite").path)
        let c = KeyEstimate(key: "C", scale: "major", strength: 1), a = KeyEstimate(key: "A", scale: "minor", strength: 1)
        let g = KeyEstimate(key: "G", scale: "major", strength: 1)
        let ids = [
            try builder.addTrack(path: "/t/1.wav", bpm: 120, key: c, tempoCNN: 120, styles: styles(0)),
            try builder.addTrack(path: "/t/2.wav", bpm: 60, keys: [.temperley: a, .krumhansl: c, .edma: c], tempoCNN: 121, styles: styles(1)),
            try builder.addTrack(path: "/t/3.wav", bpm: 100, key: g, tempoCNN: 150, styles: styles(0)),
            try builder.addTrack(path: "/t/4.wav", bpm: 150, key: a, tempoCNN: 75, styles: styles(1)),
        ]
        let labels = ["/t/1.wav", "/t/2.wav", "/t/3.wav", "/t/4.wav"].enumerated().map { index, path in
            TrackLabel(path: path, genre: index < 2 ? "rock" : "jazz", bpm: [120, 120, 150, 150][index],
                       key: MusicalKey(key: "C", scale: "major"))
        } + [TrackLabel(path: "/t/absent.wav", genre: nil, bpm: 90, key: nil)]
        let styleNames = (0..<400).map { $0 == 0 ? "Rock---Punk" : $0 == 1 ? "Jazz---Bop" : "Other---\($0)" }
        // By effnet the nearest track to each is the other one of the same label; by musicnn the other label's.
        let evaluator = Evaluator(styleLabels: styleNames) { kind, id, k in
            let index = ids.firstIndex(of: id)!
            let partner = kind == .effnet ? index ^ 1 : (index + 2) % 4
            return Array(([ids[partner]] + ids.filter { $0 != id && $0 != ids[partner] }).prefix(k))
        }
        var limited = evaluator
        limited.k = 1
        let result = limited.evaluate(labels, tracks: try builder.store.descriptors())

        XCTAssertEqual(result.labelled, 4)
        XCTAssertEqual(result.notInStore, ["/t/absent.wav"])
        XCTAssertEqual(result.tempo["rhythmextractor2013"], .init(tracks: 4, accuracy1: 0.5, accuracy2: 0.75))
        XCTAssertEqual(result.tempo["tempocnn"], .init(tracks: 4, accuracy1: 0.75, accuracy2: 1.0))
        // temperley: exact, relative, fifth, relative → (1 + 0.3 + 0.5 + 0.3) / 4
        XCTAssertEqual(result.key["temperley"]?.weighted ?? 0, 2.1 / 4, accuracy: 1e-12)
        XCTAssertEqual(result.key["temperley"]?.accuracy, 0.25)
        XCTAssertEqual(result.key["temperley"]?.relations, ["exact": 1, "relative": 2, "fifth": 1])
        XCTAssertEqual(result.key["krumhansl"]?.weighted ?? 0, 2.8 / 4, accuracy: 1e-12)
        XCTAssertEqual(result.agreeingTracks, 3)
        XCTAssertEqual(result.key["temperley, all three agree"]?.tracks, 3)
        XCTAssertEqual(result.key["temperley, all three agree"]?.weighted ?? 0, 1.8 / 3, accuracy: 1e-12)
        XCTAssertEqual(result.genre?.predictedParents, ["rock": ["Rock": 1, "Jazz": 1], "jazz": ["Rock": 1, "Jazz": 1]])
        XCTAssertEqual(result.genre?.neighbourPrecision, ["effnet": 1.0, "musicnn": 0.0])
        XCTAssertEqual(result.tracks.first { $0.path == "/t/2.wav" }?.tempoOutcome, "octave")
    }
}
