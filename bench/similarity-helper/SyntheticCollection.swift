import Foundation
import GRDB
import TrackStore

/// Fills the pending tracks of a freshly scanned store with clustered random embeddings and plausible
/// descriptors, through the store's own types, a few thousand tracks per transaction. Without
/// `embeddings` the tracks get names and signal descriptors only, as if analyzed without the models.
enum SyntheticCollection {
    static let clusters = 2000
    static let batch = 2000

    static func fill(_ store: TrackStore, embeddings: Bool) throws {
        let ids = try store.dbPool.read { try Int64.fetchAll($0, sql: "SELECT id FROM track WHERE state = 'pending' ORDER BY id") }
        try store.saveStyleLabels((0..<400).map { "Style \($0)" })
        var random = XorShift(seed: 11)
        let musicnnCentres = centres(dimension: 200, using: &random)
        let effnetCentres = centres(dimension: 1280, using: &random)
        let keys = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
        for start in stride(from: 0, to: ids.count, by: batch) {
            let analyses = ids[start..<min(start + batch, ids.count)].map { id -> TrackAnalysis in
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
                guard embeddings else { return analysis }
                analysis.effnet = EffnetFeatures(trackId: id, embedding: noisy(effnetCentres[cluster], using: &random),
                                                 styles: styles, voice: random.unit(), danceability: random.unit(),
                                                 provenance: "synthetic")
                analysis.musicnn = MusicnnFeatures(trackId: id, embedding: noisy(musicnnCentres[cluster], using: &random),
                                                   valence: 1 + random.unit() * 8, arousal: 1 + random.unit() * 8,
                                                   provenance: "synthetic")
                return analysis
            }
            let date = Date()
            try store.dbPool.write { db in
                for analysis in analyses { try insert(analysis, at: date, in: db) }
            }
        }
    }

    /// Stores one new track's results as `TrackStore.save` does, without its per-track reads (the
    /// track row, and the groups read back for the shown descriptors, which are fused here from the
    /// analysis itself): through `save`, 10^6 tracks take the better part of an hour.
    private static func insert(_ analysis: TrackAnalysis, at date: Date, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE track SET duration = ?, sampleRate = ?, channels = ?, codec = ?, artist = ?, title = ?, album = ?,
                             analyzedAt = ?, state = ? WHERE id = ?
            """).execute(arguments: [analysis.duration, analysis.sampleRate, analysis.channels, analysis.codec,
                                     analysis.artist, analysis.title, analysis.album, date, TrackState.analyzed,
                                     analysis.trackId])
        try analysis.signal?.insert(db)
        try analysis.effnet?.insert(db)
        try analysis.musicnn?.insert(db)
        // Saved, not inserted: opening the scanned store already wrote an empty row per track.
        try ShownDescriptors(trackId: analysis.trackId, signal: analysis.signal, tempoCNN: nil, evidence: nil,
                             effnetDanceability: analysis.effnet?.danceability).save(db)
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
