import Foundation
import TrackStore

/// Builds handcrafted stores with exactly known descriptors, for logic tests that need no audio.
public struct StoreBuilder {
    public let store: TrackStore

    public init(path: String) throws {
        store = try TrackStore(path: path)
    }

    /// Inserts an analyzed track with the given descriptors; nil groups are left out.
    @discardableResult
    public func addTrack(path: String, duration: Double = 30, artist: String? = nil, title: String? = nil,
                         bpm: Double? = 120, key: KeyEstimate? = KeyEstimate(key: "C", scale: "major", strength: 0.8),
                         keys: [KeyProfile: KeyEstimate]? = nil, loudness: Double? = -14,
                         tempoCNN: Double? = nil,
                         styles: [Float]? = nil, voice: Double = 0.2, danceability: Double = 0.5,
                         effnetEmbedding: [Float]? = nil,
                         musicnnEmbedding: [Float]? = nil, valence: Double = 5, arousal: Double = 5) throws -> Int64 {
        try store.applyScan(added: [FoundFile(path: path, size: 1000, mtime: 1)], changed: [], reappeared: [], vanished: [])
        let id = try store.track(path: path)!.id!
        var analysis = TrackAnalysis(trackId: id)
        analysis.duration = duration
        analysis.sampleRate = 44100
        analysis.channels = 2
        analysis.codec = "mp3"
        analysis.artist = artist
        analysis.title = title
        if let bpm {
            let allKeys = keys ?? Dictionary(uniqueKeysWithValues: KeyProfile.allCases.map { ($0, key!) })
            analysis.signal = SignalFeatures(trackId: id, bpm: bpm, bpmConfidence: 3, keys: allKeys,
                                             loudnessLufs: loudness, loudnessRangeLu: loudness == nil ? nil : 5,
                                             provenance: "test")
        }
        if let tempoCNN {
            analysis.tempoCNN = TempoCNNFeatures(trackId: id, bpm: tempoCNN, localAgreement: 1, provenance: "test")
        }
        if let styles {
            analysis.effnet = EffnetFeatures(trackId: id, embedding: effnetEmbedding ?? [Float](repeating: 0.1, count: 1280),
                                             styles: styles, voice: voice, danceability: danceability, provenance: "test")
        }
        if let musicnnEmbedding {
            analysis.musicnn = MusicnnFeatures(trackId: id, embedding: musicnnEmbedding, valence: valence,
                                               arousal: arousal, provenance: "test")
        }
        analysis.tags = TrackTags(trackId: id, provenance: "test")
        try store.save(analysis)
        return id
    }
}
