import Foundation
import Fusion
import GRDB

/// What tonearm shows for a track's tempo, key and danceability, fused from the stored raw estimates
/// (which stay stored unchanged). Recomputed whenever a track's groups are saved, and for every track
/// when `ruleVersion` changes, so it always follows from what is stored.
public struct ShownDescriptors: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "shown_descriptors"
    /// Bump when the rules or their inputs change: a writable open recomputes every row.
    public static let ruleVersion = 2

    public var trackId: Int64
    /// nil without any tempo estimate; 0 for digital silence.
    public var bpm: Double?
    public var bpmDecidedBy: String?
    public var key: String?
    public var scale: String?
    public var keyDecidedBy: String?
    /// The shown key's consensus score over the votes' total strength, on [0, 1]: 1 when every vote is it.
    public var keyConfidence: Double?
    /// On [0, 1]: the EffNet head's P(danceable) when present, else DSP Danceability / 3.
    public var danceability: Double?
    /// "effnet" or "dsp".
    public var danceabilitySource: String?
    public var ruleVersion: Int

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
    /// The key profiles the shown key is voted from: the three stored ones, plus the evidence group's
    /// when it is there.
    public static let keyPanel = KeyProfile.allCases.map(\.rawValue) + EvidenceFeatures.extraProfiles

    public init(trackId: Int64, signal: SignalFeatures?, tempoCNN: TempoCNNFeatures?, evidence: EvidenceFeatures?,
                effnetDanceability: Double?) {
        self.trackId = trackId
        ruleVersion = Self.ruleVersion
        // RhythmExtractor2013 is skipped on digital silence (tempo 0); TempoCNN still guesses there.
        if signal?.bpm == 0 {
            (bpm, bpmDecidedBy) = (0, "silence")
        } else if let fused = TempoFusion.fuse(Self.tempoVotes(signal: signal, tempoCNN: tempoCNN)) {
            (bpm, bpmDecidedBy) = (fused.bpm, fused.decidedBy)
        }
        if let shown = KeyFusion.shown(Self.keyVotes(signal: signal, evidence: evidence)) {
            let keyClass = KeyClass(pitchClass: shown.pitchClass, scale: shown.minor ? .minor : .major)
            key = KeyClass.tonicNames[keyClass.pitchClass]
            scale = keyClass.scale.rawValue
            keyDecidedBy = shown.decidedBy
            keyConfidence = shown.confidence
        }
        if let effnetDanceability {
            (danceability, danceabilitySource) = (effnetDanceability, "effnet")
        } else if let evidence {
            (danceability, danceabilitySource) = (min(1, max(0, evidence.danceabilityDsp / 3)), "dsp")
        }
    }

    static func tempoVotes(signal: SignalFeatures?, tempoCNN: TempoCNNFeatures?) -> [TempoVote] {
        var votes: [TempoVote] = []
        if let signal {
            votes.append(TempoVote(source: "re2013", bpm: signal.bpm, weight: TempoFusion.weight(re2013Confidence: signal.bpmConfidence)))
        }
        if let tempoCNN {
            votes.append(TempoVote(source: "tempocnn", bpm: tempoCNN.bpm,
                                   weight: TempoFusion.weight(tempoCNNAgreement: tempoCNN.localAgreement)))
        }
        return votes
    }

    static func keyVotes(signal: SignalFeatures?, evidence: EvidenceFeatures?) -> [KeyVote] {
        var estimates: [(String, KeyEstimate)] = []
        if let signal { estimates += KeyProfile.allCases.map { ($0.rawValue, signal.key($0)) } }
        if let evidence { estimates += EvidenceFeatures.extraProfiles.compactMap { name in evidence.key(name).map { (name, $0) } } }
        return estimates.compactMap { source, estimate in
            KeyClass(key: estimate.key, scale: estimate.scale).map {
                KeyVote(source: source, pitchClass: $0.pitchClass, minor: $0.scale == .minor, strength: estimate.strength)
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
