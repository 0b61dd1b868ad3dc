import Foundation
import TrackStore

/// Fills the pending tracks of a freshly scanned store with clustered random embeddings and plausible
/// descriptors, through the store's own types, a few thousand tracks per transaction.
enum SyntheticCollection {
    static let clusters = 2000
    static let batch = 2000

    static func fill(_ store: TrackStore) throws {
        let tracks = try store.descriptors(states: [.pending]).map(\.track)
        var random = XorShift(seed: 11)
        let musicnnCentres = centres(dimension: 200, using: &random)
        let effnetCentres = centres(dimension: 1280, using: &random)
        let keys = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
        for start in stride(from: 0, to: tracks.count, by: batch) {
            let analyses = tracks[start..<min(start + batch, tracks.count)].map { track -> TrackAnalysis in
                let id = track.id!
                // Tracks of one album (and mostly one artist) share a cluster, like real collections.
                let cluster = Int(id / 10) % clusters
                var analysis = TrackAnalysis(trackId: id)
                analysis.duration = 120 + random.unit() * 300
                analysis.sampleRate = 44100
                analysis.channels = 2
                analysis.codec = "mp3"
                analysis.artist = "Artist \(id / 40)"
                analysis.album = "Album \(id / 10)"
                analysis.title = "Track \(id)"
                let key = KeyEstimate(key: keys[Int(random.unit() * 12) % 12], scale: random.unit() < 0.6 ? "major" : "minor",
                                      strength: 0.4 + random.unit() * 0.5)
                analysis.signal = SignalFeatures(trackId: id, bpm: 70 + random.unit() * 110, bpmConfidence: random.unit() * 4,
                                                 keys: Dictionary(uniqueKeysWithValues: KeyProfile.allCases.map { ($0, key) }),
                                                 loudnessLufs: -20 + random.unit() * 14, loudnessRangeLu: 2 + random.unit() * 10,
                                                 provenance: "synthetic")
                var styles = [Float](repeating: 0.001, count: 400)
                styles[cluster % 400] = Float(0.3 + random.unit() * 0.6)
                analysis.effnet = EffnetFeatures(trackId: id, embedding: noisy(effnetCentres[cluster], using: &random),
                                                 styles: styles, voice: random.unit(), danceability: random.unit(),
                                                 provenance: "synthetic")
                analysis.musicnn = MusicnnFeatures(trackId: id, embedding: noisy(musicnnCentres[cluster], using: &random),
                                                   valence: 1 + random.unit() * 8, arousal: 1 + random.unit() * 8,
                                                   provenance: "synthetic")
                return analysis
            }
            try store.save(analyses)
        }
    }

    private static func centres(dimension: Int, using random: inout XorShift) -> [[Float]] {
        (0..<clusters).map { _ in (0..<dimension).map { _ in Float(random.unit() * 2 - 1) } }
    }

    /// The centre plus uniform noise as wide as the centres' spread: clusters overlap, so the
    /// nearest neighbours are not trivially the own cluster.
    private static func noisy(_ centre: [Float], using random: inout XorShift) -> [Float] {
        centre.map { $0 + Float(random.unit() * 1.6 - 0.8) }
    }
}

/// xorshift64*: a fast deterministic generator, so the synthetic store is the same on every run.
struct XorShift {
    private var state: UInt64

    init(seed: UInt64) { state = seed | 1 }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
