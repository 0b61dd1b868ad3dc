import Foundation
import TestSupport
import TrackStore
import XCTest

/// The start-up reads (`descriptors`, `embeddingMatrix`) map rows by column index, so these hold them
/// to what was stored, field by field.
final class BulkReadTests: TemporaryDirectoryTestCase {
    func testTrackRowsReadBackEveryStoredField() throws {
        let store = try TrackStore(path: directory.appendingPathComponent("s.sqlite").path)
        try store.applyScan(added: [FoundFile(path: "/m/b.flac", size: 123, mtime: 45.5),
                                    FoundFile(path: "/m/a.mp3", size: 7, mtime: 8)], changed: [], reappeared: [], vanished: [])
        let id = try XCTUnwrap(store.track(path: "/m/b.flac")?.id)
        var analysis = TrackAnalysis(trackId: id)
        (analysis.duration, analysis.sampleRate, analysis.channels, analysis.codec) = (61.25, 48000, 1, "flac")
        (analysis.artist, analysis.title, analysis.album, analysis.fromExcerpts) = ("Artist", "Title", "Album", true)
        analysis.signal = SignalFeatures(trackId: id, bpm: 128, bpmConfidence: 3.5,
                                         keys: [.temperley: KeyEstimate(key: "F#", scale: "minor", strength: 0.7),
                                                .krumhansl: KeyEstimate(key: "A", scale: "major", strength: 0.6),
                                                .edma: KeyEstimate(key: "Gb", scale: "minor", strength: 0.5)],
                                         loudnessLufs: nil, loudnessRangeLu: 4, provenance: "signal-v1")
        analysis.tempoCNN = TempoCNNFeatures(trackId: id, bpm: 127, localAgreement: 0.8, provenance: "tempocnn-v1")
        analysis.effnet = EffnetFeatures(trackId: id, embedding: [1, 2], styles: [0.25, 0.5, 0.75], voice: 0.3,
                                         danceability: 0.9, provenance: "effnet-v1")
        analysis.musicnn = MusicnnFeatures(trackId: id, embedding: [3], valence: 6, arousal: 2, provenance: "musicnn-v1")
        let date = Date(timeIntervalSince1970: 1_700_000_000.5)
        try store.save(analysis, at: date)

        let all = try store.descriptors(states: [.analyzed, .pending])
        XCTAssertEqual(all.map(\.track.path), ["/m/a.mp3", "/m/b.flac"])
        let pending = all[0], item = all[1]
        XCTAssertEqual(pending.track.state, .pending)
        XCTAssertNil(pending.signal)
        XCTAssertNil(pending.track.duration)
        var expected = Track(path: "/m/b.flac", size: 123, mtime: 45.5, state: .analyzed)
        expected.id = id
        (expected.duration, expected.sampleRate, expected.channels, expected.codec) = (61.25, 48000, 1, "flac")
        (expected.artist, expected.title, expected.album, expected.fromExcerpts) = ("Artist", "Title", "Album", true)
        expected.analyzedAt = date
        XCTAssertEqual(item.track, expected)
        XCTAssertEqual(try store.track(id: id), expected)
        XCTAssertEqual(item.signal, analysis.signal)
        XCTAssertEqual(item.tempoCNN, analysis.tempoCNN)
        XCTAssertEqual(item.effnet?.styles.values, [0.25, 0.5, 0.75])
        XCTAssertEqual(item.effnet?.embedding.values, [], "descriptors leave the embedding out")
        XCTAssertEqual(item.effnet?.voice, 0.3)
        XCTAssertEqual(item.effnet?.provenance, "effnet-v1")
        XCTAssertEqual(item.musicnn?.arousal, 2)
        XCTAssertEqual(item.musicnn?.valence, 6)
        let shown = try store.dbPool.read { try ShownDescriptors.fetchOne($0, key: id) }
        XCTAssertEqual(item.shown, shown)
        XCTAssertEqual(item.shown?.danceability, 0.9)
    }

    func testEmbeddingMatrixHoldsTheAnalyzedTracksVectorsInIdOrder() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("s.sqlite").path)
        let first = try builder.addTrack(path: "/m/z.mp3", musicnnEmbedding: [1, 2, 3])
        let second = try builder.addTrack(path: "/m/a.mp3", musicnnEmbedding: [4, 5, 6])
        try builder.addTrack(path: "/m/short.mp3", musicnnEmbedding: [7, 8])
        try builder.addTrack(path: "/m/none.mp3")
        let failed = try builder.addTrack(path: "/m/failed.mp3", musicnnEmbedding: [9, 10, 11])
        try builder.store.recordFailure(trackId: failed, stage: "decode", message: "boom")

        let matrix = try builder.store.embeddingMatrix(.musicnn)
        XCTAssertEqual(matrix.ids, [first, second], "another length and non-analyzed tracks are left out")
        XCTAssertEqual(matrix.dimension, 3)
        XCTAssertEqual(Array(matrix.row(0)), [1, 2, 3])
        XCTAssertEqual(Array(matrix.row(1)), [4, 5, 6])
        XCTAssertEqual(try builder.store.embeddingMatrix(.musicnn, states: [.analyzed, .failed]).ids, [first, second, failed])
        XCTAssertEqual(try builder.store.embeddingMatrix(.effnet).count, 0)
        XCTAssertEqual(try builder.store.embeddingMatrix(.effnet).dimension, 0)
    }
}
