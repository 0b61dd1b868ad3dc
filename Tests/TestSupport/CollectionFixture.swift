import Foundation
import TestSupport
import TrackStore

/// A handcrafted collection whose every descriptor the test knows, so expected figures are counted
/// here from the inputs, never by the Report code under test.
public struct CollectionFixture {
    /// One stored track as the fixture chose it. Optional groups are left out of the store when nil.
    public struct Input {
        public var path: String
        public var title: String
        public var duration: Double
        public var codec: String
        public var bpm: Double
        public var bpmConfidence: Double
        public var keys: [KeyProfile: KeyEstimate]
        public var lufs: Double?
        public var loudnessRange: Double?
        /// TempoCNN's tempo as a multiple of `bpm`, chosen from `tempoFactors`.
        public var tempoFactor: Double?
        public var styles: [Float]?
        public var voice: Double
        public var danceability: Double
        public var emotion: (valence: Double, arousal: Double)?

        public var tempoCNNBpm: Double? { tempoFactor.map { $0 * bpm } }
    }

    /// 1.02 and 0.98 are "the same" (within 4 %), 2 and 0.5 an octave, 1.3 and 0.75 different.
    public static let tempoFactors: [Double] = [1.02, 0.98, 1, 2, 0.5, 1.3, 0.75]
    public static let genres = ["Electronic", "Rock", "Folk, World, & Country", "Children's", "Funk / Soul"]
    /// 400 labels like the Discogs ones, with punctuation that HTML and TSV must survive.
    public static let styleLabels = (0..<400).map { "\(genres[$0 % genres.count])---Style \($0)" }
    public static let failures = [(path: "/music/bad/<broken>.mp3", stage: "decode", message: "ffmpeg: Invalid data found <when> processing"),
                           (path: "/music/bad/empty.wav", stage: "decode", message: "file is empty")]

    public let path: String
    public let store: TrackStore
    public let inputs: [Input]

    /// `count` tracks of seeded random descriptors, including fixed edge cases: a track of digital silence,
    /// one with signal descriptors only, one whose title is markup, and two failures.
    public static func make(in directory: URL, count: Int = 40, seed: UInt64 = 7) throws -> CollectionFixture {
        var random = SeededRandom(seed: seed)
        let keyNames = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
        func randomKey() -> KeyEstimate {
            KeyEstimate(key: keyNames.randomElement(using: &random)!, scale: Bool.random(using: &random) ? "major" : "minor",
                        strength: Double.random(in: 0.3...0.9, using: &random))
        }
        var inputs: [Input] = (0..<count).map { index in
            let shared = randomKey()
            // Most tracks share a key across profiles so that agreement is neither 0 nor 100 %.
            let keys = Dictionary(uniqueKeysWithValues: KeyProfile.allCases.map {
                ($0, Double.random(in: 0..<1, using: &random) < 0.6 ? shared : randomKey())
            })
            var styles = (0..<400).map { _ in Float.random(in: 0.001..<0.09, using: &random) }
            // Every fourth track has no style reaching the 0.1 threshold.
            let strongest: [Float] = index % 4 == 3 ? [0.095, 0.093, 0.091] : [0.55, 0.2, 0.12]
            for (rank, styleIndex) in (0..<400).shuffled(using: &random).prefix(3).enumerated() {
                styles[styleIndex] = strongest[rank] + Float(index) / 100_000
            }
            return Input(path: "/music/Artist \(index % 5)/Album, \"Vol. \(index % 3)\"/\(index).flac",
                         title: "Song \(index)", duration: Double.random(in: 60...420, using: &random).rounded(),
                         codec: ["flac", "mp3", "vorbis"][index % 3],
                         bpm: Double.random(in: 62...178, using: &random), bpmConfidence: Double.random(in: 0...5.3, using: &random),
                         keys: keys, lufs: Double.random(in: -29 ... -4, using: &random),
                         loudnessRange: Double.random(in: 1...19, using: &random),
                         tempoFactor: index % 8 == 7 ? nil : tempoFactors.randomElement(using: &random),
                         styles: styles, voice: Double.random(in: 0.01...0.99, using: &random),
                         danceability: Double.random(in: 0.01...0.99, using: &random),
                         emotion: (Double.random(in: 1.5...8.5, using: &random), Double.random(in: 1.5...8.5, using: &random)))
        }
        // Digital silence, as Essentia reports it: no loudness, no beat.
        inputs[0].lufs = nil
        inputs[0].loudnessRange = nil
        inputs[0].bpm = 0
        inputs[0].bpmConfidence = 0
        inputs[1].styles = nil
        inputs[1].emotion = nil
        inputs[1].tempoFactor = nil
        inputs[2].title = "<script>alert('x')</script> & \"Friends\""
        inputs[2].bpmConfidence = 0.2

        let path = directory.appendingPathComponent("collection.sqlite").path
        let builder = try StoreBuilder(path: path)
        try builder.store.saveStyleLabels(styleLabels)
        for input in inputs {
            try builder.addAnalyzedTrack(path: input.path) { id, analysis in
                analysis.duration = input.duration
                analysis.codec = input.codec
                analysis.sampleRate = 44100
                analysis.title = input.title
                analysis.signal = SignalFeatures(trackId: id, bpm: input.bpm, bpmConfidence: input.bpmConfidence,
                                                 keys: input.keys, loudnessLufs: input.lufs,
                                                 loudnessRangeLu: input.loudnessRange, provenance: "fixture")
                analysis.tempoCNN = input.tempoCNNBpm.map {
                    TempoCNNFeatures(trackId: id, bpm: $0, localAgreement: 0.9, provenance: "fixture")
                }
                analysis.effnet = input.styles.map {
                    EffnetFeatures(trackId: id, embedding: [0], styles: $0, voice: input.voice,
                                   danceability: input.danceability, provenance: "fixture")
                }
                analysis.musicnn = input.emotion.map {
                    MusicnnFeatures(trackId: id, embedding: [0], valence: $0.valence, arousal: $0.arousal, provenance: "fixture")
                }
            }
        }
        for failure in failures {
            try builder.addFailedTrack(path: failure.path, stage: failure.stage, message: failure.message)
        }
        return CollectionFixture(path: path, store: builder.store, inputs: inputs)
    }
}
