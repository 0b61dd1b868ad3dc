import Foundation
import TestSupport
import TrackStore
import XCTest

final class SharedAudioAnalysisTests: XCTestCase {
    func testEveryGoodFileIsAnalyzedWithDescriptorsInRange() throws {
        let built = try AnalyzedCollection.get()
        XCTAssertEqual(built.run.status, 0, built.run.stderr)
        let good = try Fixtures.goodAudioFiles().map(\.lastPathComponent)
        let tracks = try built.store.descriptors()
        let analyzedNames = Set(tracks.map { ($0.track.path as NSString).lastPathComponent })
        XCTAssertTrue(Set(good).isSubset(of: analyzedNames), "not analyzed: \(Set(good).subtracting(analyzedNames))")
        XCTAssertEqual(try built.store.styleLabels().count, 400)
        let embeddings = (try built.store.embeddings(.effnet), try built.store.embeddings(.musicnn))

        for item in tracks where good.contains((item.track.path as NSString).lastPathComponent) {
            let name = item.track.path
            let signal = try XCTUnwrap(item.signal, name)
            XCTAssertTrue((40...250).contains(signal.bpm), "\(name) bpm \(signal.bpm)")
            XCTAssertGreaterThanOrEqual(signal.bpmConfidence, 0)
            for profile in KeyProfile.allCases {
                let key = signal.key(profile)
                XCTAssertTrue(["C", "C#", "Db", "D", "D#", "Eb", "E", "F", "F#", "Gb", "G", "G#", "Ab", "A", "A#", "Bb", "B"].contains(key.key), "\(name) \(key)")
                XCTAssertTrue(["major", "minor"].contains(key.scale))
                XCTAssertTrue((0...1).contains(key.strength))
            }
            let lufs = try XCTUnwrap(signal.loudnessLufs, name)
            XCTAssertTrue((-50 ... -3).contains(lufs), "\(name) \(lufs) LUFS")
            XCTAssertTrue((0...40).contains(signal.loudnessRangeLu ?? -1))
            let tempo = try XCTUnwrap(item.tempoCNN, name)
            XCTAssertTrue((30...300).contains(tempo.bpm) && (0...1).contains(tempo.localAgreement))
            let effnet = try XCTUnwrap(item.effnet, name)
            XCTAssertEqual(effnet.styles.values.count, 400)
            XCTAssertTrue(effnet.styles.values.allSatisfy { (0...1).contains($0) })
            XCTAssertTrue((0...1).contains(effnet.voice) && (0...1).contains(effnet.danceability))
            let musicnn = try XCTUnwrap(item.musicnn, name)
            XCTAssertTrue((1...9).contains(musicnn.valence) && (1...9).contains(musicnn.arousal), "\(name)")
            XCTAssertEqual(embeddings.0[item.track.id!]?.count, 1280)
            XCTAssertEqual(embeddings.1[item.track.id!]?.count, 200)
            XCTAssertGreaterThan(item.track.duration ?? 0, 10)
        }
    }

    func testBadFilesEndAsReadableErrorsOrSaneTracks() throws {
        let built = try AnalyzedCollection.get()
        let errors = Dictionary(uniqueKeysWithValues: try built.store.errors().map { (($0.path as NSString).lastPathComponent, $0) })
        XCTAssertEqual(errors["empty_0_bytes.mp3"]?.message, "empty file (0 bytes)")
        XCTAssertEqual(errors["text_renamed.wav"]?.message, "not decodable as audio: Invalid data found when processing input")
        XCTAssertTrue(errors["truncated_first_20KB.mp3"]?.message.hasPrefix("too short: 0.8") ?? false)
        XCTAssertTrue(errors["half_second_clip.wav"]?.message.hasPrefix("too short: 0.50 s") ?? false)
        XCTAssertEqual(errors.count, 4, "\(errors.keys)")

        let tracks = Dictionary(uniqueKeysWithValues: try built.store.descriptors().map { (($0.track.path as NSString).lastPathComponent, $0) })
        let silent = try XCTUnwrap(tracks["silent_10s.wav"]?.signal)
        XCTAssertEqual(silent.bpm, 0, "no tempo is claimed for digital silence")
        XCTAssertNil(silent.loudnessLufs, "integrated loudness is undefined below the absolute gate")
        let lowRate = try XCTUnwrap(tracks["mono_8khz_brahms.wav"])
        XCTAssertEqual(lowRate.track.sampleRate, 8000)
        XCTAssertEqual(lowRate.track.channels, 1)
        XCTAssertTrue((-40 ... -5).contains(lowRate.signal?.loudnessLufs ?? 0))
        XCTAssertNotNil(lowRate.musicnn)
    }

    /// The reference script in bench/ is plain documented Essentia usage; the store must hold the same numbers,
    /// with the models on ONNX Runtime (the shared collection) as on TensorFlow (no conversions).
    func testDescriptorsEqualADirectEssentiaComputationOnBothRuntimes() throws {
        let built = try AnalyzedCollection.get()
        XCTAssertEqual(built.conversion.status, 0, built.conversion.stdout + built.conversion.stderr)
        XCTAssertTrue(built.run.stdout.contains("on ONNX Runtime (verified conversions): discogs-effnet-bs64-1, "
            + "genre_discogs400-discogs-effnet-1, voice_instrumental-discogs-effnet-1, danceability-discogs-effnet-1, "
            + "msd-musicnn-1, emomusic-msd-musicnn-2\non TensorFlow: deeptemp-k16-3\n"), built.run.stdout)
        let names = ["kevin_macleod_vibe_ace.mp3", "boomboxhead_dont_matter_mono.flac"]
        let paths = try built.store.descriptors().map(\.track.path).filter { names.contains(($0 as NSString).lastPathComponent) }
        XCTAssertEqual(paths.count, 2)
        let reference = try runReference(on: paths, models: built.models)
        try assertStoreEquals(reference, store: built.store)

        let tensorflowOnly = built.folder.deletingLastPathComponent().appendingPathComponent("tensorflow-only")
        try copyAudio(names, to: tensorflowOnly.appendingPathComponent("audio"))
        let db = tensorflowOnly.appendingPathComponent("store.sqlite").path
        let run = try TonearmCLI.run(["analyze", tensorflowOnly.appendingPathComponent("audio").path, "--db", db,
                                      "--models", built.models.path, "--jobs", "1"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stdout.contains("on ONNX Runtime"), run.stdout)
        XCTAssertTrue(run.stdout.contains("`tonearm models convert` moves"), run.stdout)
        try assertStoreEquals(reference, store: try TrackStore(path: db))
    }

    /// `reference` is keyed by file name, so copies of the same files compare too.
    private func assertStoreEquals(_ reference: [String: [String: Any]], store: TrackStore) throws {
        let tracks = try store.descriptors().filter { reference[($0.track.path as NSString).lastPathComponent] != nil }
        XCTAssertEqual(tracks.count, reference.count)
        let effnetEmbeddings = try store.embeddings(.effnet), musicnnEmbeddings = try store.embeddings(.musicnn)
        for item in tracks {
            let expected = try XCTUnwrap(reference[(item.track.path as NSString).lastPathComponent])
            let signal = try XCTUnwrap(item.signal)
            func close(_ actual: Double?, _ key: String, tolerance: Double = 1e-4, file: StaticString = #filePath, line: UInt = #line) {
                XCTAssertEqual(actual ?? .nan, expected[key] as? Double ?? .nan, accuracy: tolerance, key, file: file, line: line)
            }
            close(signal.bpm, "bpm")
            close(signal.bpmConfidence, "bpm_confidence")
            for profile in KeyProfile.allCases {
                XCTAssertEqual(signal.key(profile).key, expected["key_\(profile.rawValue)"] as? String)
                XCTAssertEqual(signal.key(profile).scale, expected["scale_\(profile.rawValue)"] as? String)
                close(signal.key(profile).strength, "strength_\(profile.rawValue)")
            }
            close(signal.loudnessLufs, "loudness_lufs")
            close(signal.loudnessRangeLu, "loudness_range_lu")
            close(item.tempoCNN?.bpm, "tempocnn_bpm")
            close(item.tempoCNN?.localAgreement, "tempocnn_local_agreement")
            close(item.musicnn?.valence, "valence")
            close(item.musicnn?.arousal, "arousal")
            close(item.effnet?.voice, "voice")
            close(item.effnet?.danceability, "danceability")
            assertVector(item.effnet?.styles.values, expected["styles"])
            assertVector(effnetEmbeddings[item.track.id!], expected["effnet_embedding"])
            assertVector(musicnnEmbeddings[item.track.id!], expected["musicnn_embedding"])
        }
    }

    private func assertVector(_ actual: [Float]?, _ expected: Any?, file: StaticString = #filePath, line: UInt = #line) {
        let expected = (expected as? [Double]) ?? []
        XCTAssertEqual(actual?.count, expected.count, file: file, line: line)
        let worst = zip(actual ?? [], expected).map { abs(Double($0) - $1) }.max() ?? .infinity
        XCTAssertLessThan(worst, 1e-4, file: file, line: line)
    }

    private func runReference(on paths: [String], models: URL) throws -> [String: [String: Any]] {
        let process = Process()
        process.executableURL = Fixtures.repoRoot.appendingPathComponent(".venv/bin/python")
        process.arguments = [Fixtures.repoRoot.appendingPathComponent("bench/reference_analysis.py").path, models.path,
                             models.appendingPathComponent("discogs-effnet-bs64-1.pb").path] + paths
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        var result: [String: [String: Any]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            result[((object["path"] as! String) as NSString).lastPathComponent] = object
        }
        return result
    }
}
