import Foundation
import GRDB

/// The key profiles stored for every track, in the order the report shows them.
public enum KeyProfile: String, CaseIterable, Codable, Sendable {
    case temperley, krumhansl, edma
}

public struct KeyEstimate: Codable, Sendable, Equatable {
    public var key: String
    public var scale: String
    public var strength: Double

    public init(key: String, scale: String, strength: Double) {
        self.key = key
        self.scale = scale
        self.strength = strength
    }
}

/// Group `signal`: descriptors computed from the decoded signal without a neural model.
public struct SignalFeatures: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = AnalysisGroup.signal.tableName

    public var trackId: Int64
    public var bpm: Double
    public var bpmConfidence: Double
    public var keyTemperley: String
    public var scaleTemperley: String
    public var strengthTemperley: Double
    public var keyKrumhansl: String
    public var scaleKrumhansl: String
    public var strengthKrumhansl: Double
    public var keyEdma: String
    public var scaleEdma: String
    public var strengthEdma: Double
    /// nil for digital silence, where integrated loudness is undefined.
    public var loudnessLufs: Double?
    public var loudnessRangeLu: Double?
    public var provenance: String

    public init(trackId: Int64, bpm: Double, bpmConfidence: Double, keys: [KeyProfile: KeyEstimate],
                loudnessLufs: Double?, loudnessRangeLu: Double?, provenance: String) {
        self.trackId = trackId
        self.bpm = bpm
        self.bpmConfidence = bpmConfidence
        let missing = KeyEstimate(key: "", scale: "", strength: 0)
        let t = keys[.temperley] ?? missing, k = keys[.krumhansl] ?? missing, e = keys[.edma] ?? missing
        (keyTemperley, scaleTemperley, strengthTemperley) = (t.key, t.scale, t.strength)
        (keyKrumhansl, scaleKrumhansl, strengthKrumhansl) = (k.key, k.scale, k.strength)
        (keyEdma, scaleEdma, strengthEdma) = (e.key, e.scale, e.strength)
        self.loudnessLufs = loudnessLufs
        self.loudnessRangeLu = loudnessRangeLu
        self.provenance = provenance
    }

    public func key(_ profile: KeyProfile) -> KeyEstimate {
        switch profile {
        case .temperley: return KeyEstimate(key: keyTemperley, scale: scaleTemperley, strength: strengthTemperley)
        case .krumhansl: return KeyEstimate(key: keyKrumhansl, scale: scaleKrumhansl, strength: strengthKrumhansl)
        case .edma: return KeyEstimate(key: keyEdma, scale: scaleEdma, strength: strengthEdma)
        }
    }
}

/// Group `tempocnn`: TempoCNN's global estimate and how many local estimates agree with it.
public struct TempoCNNFeatures: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = AnalysisGroup.tempoCNN.tableName

    public var trackId: Int64
    public var bpm: Double
    /// Share of the local (per-window) estimates equal to the global one: a confidence in [0, 1].
    public var localAgreement: Double
    public var provenance: String

    public init(trackId: Int64, bpm: Double, localAgreement: Double, provenance: String) {
        self.trackId = trackId
        self.bpm = bpm
        self.localAgreement = localAgreement
        self.provenance = provenance
    }
}

/// Group `effnet`: Discogs-EffNet mean embedding and the chunk-averaged predictions of its heads.
public struct EffnetFeatures: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = AnalysisGroup.effnet.tableName

    public var trackId: Int64
    public var embedding: FloatVector
    /// Activations of the 400 Discogs styles, in the order of `StyleLabels`.
    public var styles: FloatVector
    /// Probability of the `voice` class; `instrumental` is its complement (softmax head).
    public var voice: Double
    /// Probability of the `danceable` class.
    public var danceability: Double
    public var provenance: String

    public init(trackId: Int64, embedding: [Float], styles: [Float], voice: Double, danceability: Double,
                provenance: String) {
        self.trackId = trackId
        self.embedding = FloatVector(embedding)
        self.styles = FloatVector(styles)
        self.voice = voice
        self.danceability = danceability
        self.provenance = provenance
    }
}

/// Group `musicnn`: MSD-MusiCNN mean embedding and emomusic arousal/valence on the [1, 9] scale.
public struct MusicnnFeatures: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = AnalysisGroup.musicnn.tableName

    public var trackId: Int64
    public var embedding: FloatVector
    public var valence: Double
    public var arousal: Double
    public var provenance: String

    public init(trackId: Int64, embedding: [Float], valence: Double, arousal: Double, provenance: String) {
        self.trackId = trackId
        self.embedding = FloatVector(embedding)
        self.valence = valence
        self.arousal = arousal
        self.provenance = provenance
    }
}
