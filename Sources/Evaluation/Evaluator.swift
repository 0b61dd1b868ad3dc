import Foundation
import TrackStore

/// Scores stored descriptors against labels. Pure: the caller supplies descriptors and a
/// nearest-neighbour function, so the metrics are tested on handcrafted stores.
public struct Evaluator {
    public var styleLabels: [String]
    /// The k nearest tracks to a track by one embedding, the track itself excluded.
    public var neighbours: (EmbeddingKind, Int64, Int) -> [Int64]
    public var k = 10

    public init(styleLabels: [String], neighbours: @escaping (EmbeddingKind, Int64, Int) -> [Int64]) {
        self.styleLabels = styleLabels
        self.neighbours = neighbours
    }

    public func evaluate(_ labels: [TrackLabel], tracks: [TrackDescriptors]) -> Evaluation {
        let byPath = Dictionary(tracks.map { ($0.track.path, $0) }) { first, _ in first }
        let pairs = labels.compactMap { label in byPath[label.path].map { (label, $0) } }
        let rows = pairs.map(row)
        return Evaluation(
            labelled: pairs.count,
            notInStore: labels.filter { byPath[$0.path] == nil }.map(\.path),
            tempo: tempoScores(pairs),
            key: keyScores(pairs),
            agreeingTracks: pairs.filter { agreeingKey($0.1) != nil && $0.0.key != nil }.count,
            genre: genreScores(pairs),
            tracks: rows)
    }

    private func tempoScores(_ pairs: [(TrackLabel, TrackDescriptors)]) -> [String: Evaluation.TempoScores] {
        var scores: [String: Evaluation.TempoScores] = [:]
        for (name, estimate) in Self.tempoEstimators {
            let outcomes = pairs.compactMap { label, track in
                label.bpm.flatMap { bpm in estimate(track).map { TempoAccuracy.outcome(estimate: $0, label: bpm) } }
            }
            guard !outcomes.isEmpty else { continue }
            let correct = outcomes.filter { $0 == .correct }.count
            let octave = outcomes.filter { $0 == .octave }.count
            scores[name] = .init(tracks: outcomes.count, accuracy1: Double(correct) / Double(outcomes.count),
                                 accuracy2: Double(correct + octave) / Double(outcomes.count))
        }
        return scores
    }

    /// Every tempo estimate scored, the raw ones and the one tonearm shows.
    static let tempoEstimators: [(String, (TrackDescriptors) -> Double?)] = [
        ("rhythmextractor2013", { $0.signal?.bpm }), ("tempocnn", { $0.tempoCNN?.bpm }), (shownName, { $0.shown?.bpm }),
    ]

    /// The fused tempo's and the shown key's row name.
    public static let shownName = "shown (fused)"

    /// Every key estimate scored: the three stored profiles, the evidence group's profiles and the shown key.
    static func keyEstimates(_ track: TrackDescriptors) -> [String: KeyEstimate] {
        var estimates: [String: KeyEstimate] = [:]
        if let signal = track.signal {
            for profile in KeyProfile.allCases { estimates[profile.rawValue] = signal.key(profile) }
        }
        if let evidence = track.evidence {
            for name in EvidenceFeatures.keyNames { estimates[name] = evidence.key(name) }
        }
        if let shown = track.shown, let key = shown.key, let scale = shown.scale {
            estimates[shownName] = KeyEstimate(key: key, scale: scale, strength: 1)
        }
        return estimates
    }

    private func keyScores(_ pairs: [(TrackLabel, TrackDescriptors)]) -> [String: Evaluation.KeyScores] {
        var scores: [String: Evaluation.KeyScores] = [:]
        let names = Set(pairs.flatMap { Self.keyEstimates($0.1).keys })
        for name in names {
            scores[name] = Self.keyScores(pairs.compactMap { label, track in relation(name, label, track) })
        }
        for name in KeyProfile.allCases.map(\.rawValue) + [Self.shownName] {
            let agreeing = pairs.filter { agreeingKey($0.1) != nil }.compactMap { label, track in relation(name, label, track) }
            scores["\(name), all three agree"] = Self.keyScores(agreeing)
        }
        return scores.compactMapValues { $0 }
    }

    private static func keyScores(_ relations: [KeyRelation]) -> Evaluation.KeyScores? {
        guard !relations.isEmpty else { return nil }
        let count = Double(relations.count)
        return .init(tracks: relations.count,
                     accuracy: Double(relations.filter { $0 == .exact }.count) / count,
                     weighted: relations.map(\.score).reduce(0, +) / count,
                     relations: Dictionary(grouping: relations, by: \.rawValue).mapValues(\.count))
    }

    private func relation(_ estimator: String, _ label: TrackLabel, _ track: TrackDescriptors) -> KeyRelation? {
        guard let truth = label.key, let estimate = Self.keyEstimates(track)[estimator].flatMap(estimatedKey) else { return nil }
        return KeyRelation(estimate: estimate, label: truth)
    }

    private func estimatedKey(_ estimate: KeyEstimate) -> MusicalKey? {
        MusicalKey(key: estimate.key, scale: estimate.scale)
    }

    private func agreeingKey(_ track: TrackDescriptors) -> MusicalKey? {
        guard let signal = track.signal else { return nil }
        let keys = KeyProfile.allCases.map { estimatedKey(signal.key($0)) }
        guard let first = keys[0], keys.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    private func topStyle(_ track: TrackDescriptors) -> String? {
        guard let styles = track.effnet?.styles.values, let best = styles.indices.max(by: { styles[$0] < styles[$1] }),
              best < styleLabels.count else { return nil }
        return styleLabels[best]
    }

    private func genreScores(_ pairs: [(TrackLabel, TrackDescriptors)]) -> Evaluation.GenreScores? {
        let labelled = pairs.filter { $0.0.genre != nil }
        guard !labelled.isEmpty else { return nil }
        var predicted: [String: [String: Int]] = [:]
        for (label, track) in labelled {
            let parent = topStyle(track).map { $0.components(separatedBy: "---")[0] } ?? "(no styles)"
            predicted[label.genre!, default: [:]][parent, default: 0] += 1
        }
        let genreOf = Dictionary(labelled.map { ($0.1.track.id!, $0.0.genre!) }) { first, _ in first }
        var precision: [String: Double] = [:]
        let k = min(self.k, labelled.count - 1)
        if k > 0 {
            for kind in EmbeddingKind.allCases {
                let shares = labelled.compactMap { label, track -> Double? in
                    let near = neighbours(kind, track.track.id!, k).filter { genreOf[$0] != nil }.prefix(k)
                    guard !near.isEmpty else { return nil }
                    return Double(near.filter { genreOf[$0] == label.genre }.count) / Double(near.count)
                }
                if !shares.isEmpty { precision[kind.rawValue] = shares.reduce(0, +) / Double(shares.count) }
            }
        }
        return .init(predictedParents: predicted, neighbourPrecision: precision, neighbours: k)
    }

    private func row(_ pair: (TrackLabel, TrackDescriptors)) -> Evaluation.TrackRow {
        let (label, track) = pair
        var keys: [String: String] = [:], relations: [String: String] = [:]
        for (name, estimate) in Self.keyEstimates(track) {
            if let key = estimatedKey(estimate) { keys[name] = "\(key)" }
            if let relation = relation(name, label, track) { relations[name] = relation.rawValue }
        }
        let outcome = { (estimate: Double?) in
            label.bpm.flatMap { bpm in estimate.map { TempoAccuracy.outcome(estimate: $0, label: bpm).rawValue } }
        }
        return .init(path: label.path, labelBpm: label.bpm, bpm: track.signal?.bpm, tempoOutcome: outcome(track.signal?.bpm),
                     tempoCNNBpm: track.tempoCNN?.bpm, tempoCNNOutcome: outcome(track.tempoCNN?.bpm),
                     shownBpm: track.shown?.bpm, shownOutcome: outcome(track.shown?.bpm),
                     shownBpmDecidedBy: track.shown?.bpmDecidedBy, shownKeyDecidedBy: track.shown?.keyDecidedBy,
                     labelKey: label.key.map { "\($0)" }, keys: keys, keyRelations: relations,
                     labelGenre: label.genre, predictedStyle: topStyle(track))
    }
}
