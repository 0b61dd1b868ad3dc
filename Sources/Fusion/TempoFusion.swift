import Foundation

/// One estimator's tempo with the weight its confidence earns it.
public struct TempoVote: Sendable, Equatable {
    public var source: String
    public var bpm: Double
    public var weight: Double

    public init(source: String, bpm: Double, weight: Double) {
        self.source = source
        self.bpm = bpm
        self.weight = weight
    }
}

/// The tempo tonearm shows, and the evidence that chose it.
public struct FusedTempo: Sendable, Equatable {
    public var bpm: Double
    /// The voters whose own estimate is this tempo (within 4 %), in vote order.
    public var agreeing: [String]
    /// The voters that put the beat at another metrical level of it (×2, ×½, ×3, ×⅓, ×3/2, ×2/3).
    public var atOtherLevel: [String]

    /// "re2013+tempocnn; percival at another level", or "prior" when no voter is at this tempo.
    public var decidedBy: String {
        var text = agreeing.isEmpty ? "prior" : agreeing.joined(separator: "+")
        if !atOtherLevel.isEmpty { text += "; " + atOtherLevel.joined(separator: "+") + " at another level" }
        return text
    }
}

/// Metrical-level selection between tempo estimators (see README, "The tempo tonearm shows").
///
/// Every estimator proposes its tempo and the related metrical levels (×½, ×2, ×⅔, ×3/2). A candidate
/// tempo T scores `prior(T) × Σ weight × support`, where an estimator at T supports it fully and one at
/// a related level of T only partly: it hears the same pulse train but at another level. The prior is
/// the log-Gaussian preferred-tempo (resonance) curve centred at 120 BPM.
public enum TempoFusion {
    /// Moelants 2002; van Noorden & Moelants 1999: spontaneous and preferred tempo cluster near 2 Hz.
    public static let preferredBPM = 120.0
    /// Standard deviation of the prior, in octaves. Wide on purpose: the prior only settles votes that
    /// are otherwise balanced, and never overturns estimators that agree (a level 4× less supported
    /// would need a prior 4× higher, i.e. ~1.9 octaves from 120 BPM).
    public static let priorWidthOctaves = 1.0
    /// MIREX Accuracy1's tolerance, used here as "the same tempo".
    public static let tolerance = 0.04
    /// Levels each estimator proposes as candidates.
    public static let candidateRatios: [Double] = [1, 0.5, 2, 2.0 / 3.0, 1.5]
    /// Support an estimate at `ratio` × T gives T: the same pulse at another level counts a quarter
    /// (duple) or a tenth (triple) of a direct vote.
    public static let levelSupport: [(ratio: Double, support: Double)] = [
        (1, 1), (2, 0.25), (0.5, 0.25), (3, 0.1), (1.0 / 3.0, 0.1), (1.5, 0.1), (2.0 / 3.0, 0.1),
    ]
    /// Tempi outside this range are not proposed (Essentia's own estimators stay within it too).
    public static let range: ClosedRange<Double> = 30...300

    public static func prior(_ bpm: Double) -> Double {
        let octaves = log2(bpm / preferredBPM) / priorWidthOctaves
        return exp(-0.5 * octaves * octaves)
    }

    /// nil when no voter has a positive tempo and weight (digital silence).
    public static func fuse(_ votes: [TempoVote]) -> FusedTempo? {
        let voters = votes.filter { $0.bpm > 0 && $0.weight > 0 }
        var best: (score: Double, bpm: Double)?
        for vote in voters {
            for ratio in candidateRatios {
                let candidate = vote.bpm * ratio
                guard range.contains(candidate) else { continue }
                let score = prior(candidate) * voters.reduce(0) { $0 + $1.weight * support(of: candidate, by: $1.bpm) }
                // Strictly greater: among equal scores the earlier voter's own tempo wins.
                if score > (best?.score ?? 0) * (1 + 1e-12) { best = (score, candidate) }
            }
        }
        guard let best else { return nil }
        let direct = voters.filter { sameTempo($0.bpm, best.bpm) }
        let atOtherLevel = voters.filter { !sameTempo($0.bpm, best.bpm) && support(of: best.bpm, by: $0.bpm) > 0 }
            .map(\.source)
        // The chosen level's value is its most trusted direct voter's own estimate, not a candidate the
        // prior nudged towards 120 within the tolerance.
        let heaviest = direct.map(\.weight).max()
        let value = direct.first { $0.weight == heaviest }?.bpm ?? best.bpm
        return FusedTempo(bpm: value, agreeing: direct.map(\.source), atOtherLevel: atOtherLevel)
    }

    static func support(of candidate: Double, by estimate: Double) -> Double {
        levelSupport.first { sameTempo(estimate, candidate * $0.ratio) }?.support ?? 0
    }

    static func sameTempo(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= tolerance * b
    }
}

extension TempoFusion {
    /// RhythmExtractor2013's confidence is on [0, 5.32]; Zapata et al. 2012 found beats above 3.5 reliable.
    public static func weight(re2013Confidence confidence: Double) -> Double {
        0.5 + 0.5 * min(max(confidence, 0), 3.5) / 3.5
    }

    /// TempoCNN's share of local windows agreeing with its global estimate, on [0, 1].
    public static func weight(tempoCNNAgreement agreement: Double) -> Double {
        0.5 + 0.5 * min(max(agreement, 0), 1)
    }

    /// Percival's estimator reports no confidence: it counts as a middling voter.
    public static let percivalWeight = 0.75
}
