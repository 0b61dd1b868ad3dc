import Foundation
import Fusion
import GRDB

/// What tonearm shows for a track's tempo, key and danceability, decided from the stored raw estimates
/// (which stay stored unchanged). Recomputed whenever a track's groups are saved, and for every track
/// when `ruleVersion` changes, so it always follows from what is stored.
public struct ShownDescriptors: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "shown_descriptors"
    /// Bump when the rules, their coefficients or their inputs change: a writable open recomputes every row.
    public static let ruleVersion = 6

    public var trackId: Int64
    /// nil without any tempo estimate; 0 for digital silence.
    public var bpm: Double?
    public var bpmDecidedBy: String?
    public var key: String?
    public var scale: String?
    public var keyDecidedBy: String?
    /// The decision's probability that the shown key is right, on [0, 1].
    public var keyConfidence: Double?
    /// On [0, 1]: the EffNet head's P(danceable) when present, else DSP Danceability / 3.
    public var danceability: Double?
    /// "effnet" or "dsp".
    public var danceabilitySource: String?
    public var ruleVersion: Int
    /// Half or double `bpm` when the tempo's octave is uncertain (`TempoDecision`); nil when it is not.
    public var bpmAlternative: Double?

    init(trackId: Int64, bpm: Double? = nil, bpmDecidedBy: String? = nil, bpmAlternative: Double? = nil, key: String? = nil,
         scale: String? = nil, keyDecidedBy: String? = nil, keyConfidence: Double? = nil, danceability: Double? = nil,
         danceabilitySource: String? = nil, ruleVersion: Int) {
        self.trackId = trackId
        self.bpm = bpm
        self.bpmDecidedBy = bpmDecidedBy
        self.bpmAlternative = bpmAlternative
        self.key = key
        self.scale = scale
        self.keyDecidedBy = keyDecidedBy
        self.keyConfidence = keyConfidence
        self.danceability = danceability
        self.danceabilitySource = danceabilitySource
        self.ruleVersion = ruleVersion
    }

    public var keyClass: KeyClass? {
        guard let key, let scale else { return nil }
        return KeyClass(key: key, scale: scale)
    }

    /// The shown key with its confidence as strength, in the shape the key profiles have.
    public var keyEstimate: KeyEstimate? {
        guard let key, let scale else { return nil }
        return KeyEstimate(key: key, scale: scale, strength: keyConfidence ?? 0)
    }
}

extension ShownDescriptors {
    public init(trackId: Int64, signal: SignalFeatures?, tempoCNN: TempoCNNFeatures?, evidence: EvidenceFeatures?,
                effnetDanceability: Double?) {
        // RhythmExtractor2013 is skipped on digital silence (tempo 0); TempoCNN still guesses there.
        self.init(trackId: trackId, ruleVersion: Self.ruleVersion)
        // RhythmExtractor2013 is skipped on digital silence (tempo 0); TempoCNN still guesses there.
        if signal?.bpm == 0 {
            bpm = 0
            bpmDecidedBy = "silence"
        } else if let shown = TempoDecision.shown(Self.tempoEstimates(signal: signal, tempoCNN: tempoCNN, evidence: evidence)) {
            bpm = shown.bpm
            bpmDecidedBy = shown.decidedBy
            bpmAlternative = shown.alternative
        }
        if let shown = KeyDecision.shown(Self.keyVotes(signal: signal, evidence: evidence)) {
            let keyClass = KeyClass(pitchClass: shown.pitchClass, scale: shown.minor ? .minor : .major)
            key = KeyClass.tonicNames[keyClass.pitchClass]
            scale = keyClass.scale.rawValue
            keyDecidedBy = shown.decidedBy
            keyConfidence = shown.probability
        }
        if let effnetDanceability {
            danceability = effnetDanceability
            danceabilitySource = "effnet"
        } else if let evidence {
            danceability = min(1, max(0, evidence.danceabilityDsp / 3))
            danceabilitySource = "dsp"
        }
    }

    static func tempoEstimates(signal: SignalFeatures?, tempoCNN: TempoCNNFeatures?, evidence: EvidenceFeatures?) -> TempoEstimates {
        let peaks = evidence.map { [(bpm: $0.beatPeak1Bpm, weight: $0.beatPeak1Weight), (bpm: $0.beatPeak2Bpm, weight: $0.beatPeak2Weight)] } ?? []
        return TempoEstimates(re2013: signal?.bpm, re2013Confidence: signal?.bpmConfidence ?? 0, tempoCNN: tempoCNN?.bpm,
                              tempoCNNAgreement: tempoCNN?.localAgreement ?? 0, beatMedian: evidence?.beatMedianBpm,
                              beatPeaks: peaks.map { TempoEstimates.BeatPeak(bpm: $0.bpm, weight: $0.weight) },
                              danceability: evidence?.danceabilityDsp)
    }

    /// The profiles' keys; none with zero strength (digital silence).
    static func keyVotes(signal: SignalFeatures?, evidence: EvidenceFeatures?) -> [KeyVote] {
        var estimates: [(String, KeyEstimate)] = []
        if let signal { estimates += KeyProfile.allCases.map { ($0.rawValue, signal.key($0)) } }
        if let evidence { estimates += EvidenceFeatures.extraProfiles.compactMap { name in evidence.key(name).map { (name, $0) } } }
        return estimates.compactMap { source, estimate in
            guard estimate.strength > 0 else { return nil }
            return KeyClass(key: estimate.key, scale: estimate.scale).map {
                KeyVote(source: source, pitchClass: $0.pitchClass, minor: $0.scale == .minor)
            }
        }
    }
}

extension ShownDescriptors {
    /// Recomputes one track's row from its stored groups (inside the caller's transaction).
    static func refresh(trackId: Int64, in db: Database) throws {
        let effnetDanceability = try Double.fetchOne(
            db, sql: "SELECT danceability FROM \(AnalysisGroup.effnet.tableName) WHERE trackId = ?", arguments: [trackId])
        let shown = ShownDescriptors(trackId: trackId, signal: try SignalFeatures.fetchOne(db, key: trackId),
                                     tempoCNN: try TempoCNNFeatures.fetchOne(db, key: trackId),
                                     evidence: try EvidenceFeatures.fetchOne(db, key: trackId),
                                     effnetDanceability: effnetDanceability)
        try shown.save(db)
    }

    /// Recomputes the rows of every track whose row is missing or was made by another rule version.
    static func refreshStale(in db: Database) throws {
        let stale = try Int64.fetchAll(db, sql: """
            SELECT track.id FROM track LEFT JOIN shown_descriptors s ON s.trackId = track.id
            WHERE s.trackId IS NULL OR s.ruleVersion != ?
            """, arguments: [ruleVersion])
        for id in stale { try refresh(trackId: id, in: db) }
    }
}
