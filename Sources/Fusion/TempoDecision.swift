import Foundation

/// The raw tempo estimates of one track, as stored; an estimator that did not run is nil.
public struct TempoEstimates: Sendable, Equatable {
    public struct BeatPeak: Sendable, Equatable {
        public var bpm: Double
        public var weight: Double

        public init(bpm: Double, weight: Double) {
            self.bpm = bpm
            self.weight = weight
        }
    }

    public var re2013: Double?
    /// RhythmExtractor2013's confidence, on [0, 5.32].
    public var re2013Confidence: Double
    public var tempoCNN: Double?
    /// The share of TempoCNN's local estimates equal to its global one, on [0, 1].
    public var tempoCNNAgreement: Double
    /// 60 / the median of RhythmExtractor2013's beat intervals.
    public var beatMedian: Double?
    /// The two highest peaks of RhythmExtractor2013's beat-interval histogram.
    public var beatPeaks: [BeatPeak]
    /// Essentia's DSP Danceability, on [0, 3]; nil without the evidence group (then neither the
    /// histogram nor the median is known either, and the model does not run).
    public var danceability: Double?

    public init(re2013: Double?, re2013Confidence: Double = 0, tempoCNN: Double? = nil, tempoCNNAgreement: Double = 0,
                beatMedian: Double? = nil, beatPeaks: [BeatPeak] = [], danceability: Double? = nil) {
        self.re2013 = re2013
        self.re2013Confidence = re2013Confidence
        self.tempoCNN = tempoCNN
        self.tempoCNNAgreement = tempoCNNAgreement
        self.beatMedian = beatMedian
        self.beatPeaks = beatPeaks
        self.danceability = danceability
    }

    func estimate(_ source: String) -> Double? {
        let value: Double?
        switch source {
        case "re2013": value = re2013
        case "tempocnn": value = tempoCNN
        default: value = nil
        }
        return value.flatMap { $0 > 0 ? $0 : nil }
    }
}

/// The tempo tonearm shows, how sure the decision is, and the other octave when it is not sure.
public struct ShownTempo: Sendable, Equatable {
    public var bpm: Double
    /// The model's probability that its best level is the tempo a listener taps (within 4 %); nil when
    /// an estimator is missing and the model did not run.
    public var probability: Double?
    /// "re2013+tempocnn" (the estimators at this tempo), "tempocnn ×2" (a level no estimator is at),
    /// "fallback tempocnn" when the model was not sure of any level, "re2013 (incomplete inputs)" when it did not run.
    public var decidedBy: String
    /// Half or double `bpm` when the model gives that level at least `TempoDecision.alternativeShare` of
    /// the shown level's probability: the octave is uncertain.
    public var alternative: Double?
}

/// Which metrical level to show: a logistic regression over candidates, fitted on the development set
/// (evaluation/devset/fit.py writes the coefficients; docs/tempo-and-key.md says what it learned).
///
/// Candidates are each estimator's tempo and its half and double (30–300 BPM), so the shown tempo is
/// always an estimator's output or its octave. Each candidate's features say which estimators are at it
/// or an octave away, how confident they are, what RhythmExtractor2013's beat-interval histogram holds
/// there, and how far it lies from 120 BPM; the most probable candidate is shown, or the best single
/// estimator's own tempo when no candidate reaches `fallbackThreshold`. The model was fitted with every
/// estimator and the evidence group present: where one is missing, the best present estimator's own
/// tempo is shown.
public enum TempoDecision {
    static let ratios = [1.0, 0.5, 2.0]
    public static let range: ClosedRange<Double> = 30...300
    /// MIREX Accuracy1's tolerance, used as "the same tempo".
    public static let tolerance = 0.04
    /// The other octave is named when its probability is at least this share of the shown one's.
    public static let alternativeShare = 0.5

    public static func sameTempo(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= tolerance * b
    }

    static func candidates(_ estimates: TempoEstimates) -> [Double] {
        var seen: [Double] = []
        for source in sources {
            guard let bpm = estimates.estimate(source) else { continue }
            for ratio in ratios {
                let candidate = bpm * ratio
                if range.contains(candidate), !seen.contains(where: { sameTempo(candidate, $0) }) { seen.append(candidate) }
            }
        }
        return seen
    }

    /// In the order of `coefficients` (fit.py's `Tempo.features`).
    static func features(of estimates: TempoEstimates, at candidate: Double) -> [Double] {
        let octaves = log2(candidate / 120)
        let peak = estimates.beatPeaks.filter { $0.bpm > 0 && sameTempo($0.bpm, candidate) }.reduce(0) { $0 + $1.weight }
        let median = estimates.beatMedian.map { $0 > 0 && sameTempo($0, candidate) } == true ? 1.0 : 0.0
        var values = [octaves, octaves * octaves, octaves * (estimates.danceability ?? 0) / 3, peak, median]
        for source in sources {
            let bpm = estimates.estimate(source)
            let here = bpm.map { sameTempo($0, candidate) } == true ? 1.0 : 0.0
            let away = bpm.map { sameTempo($0, 2 * candidate) || sameTempo($0, candidate / 2) } == true ? 1.0 : 0.0
            values += [here, away]
            if source == "re2013" { values.append(here * min(max(estimates.re2013Confidence, 0), 5.32) / 5.32) }
            if source == "tempocnn" { values.append(here * estimates.tempoCNNAgreement) }
        }
        return values
    }

    static func probability(_ features: [Double]) -> Double {
        let z = zip(features, coefficients).reduce(intercept) { $0 + $1.0 * $1.1 }
        return 1 / (1 + exp(-z))
    }

    /// nil without any positive tempo estimate.
    public static func shown(_ estimates: TempoEstimates) -> ShownTempo? {
        guard sources.allSatisfy({ estimates.estimate($0) != nil }), estimates.danceability != nil else {
            return fallbacks.lazy.compactMap { source in
                estimates.estimate(source).map { ShownTempo(bpm: $0, probability: nil, decidedBy: "\(source) (incomplete inputs)", alternative: nil) }
            }.first
        }
        let scored = candidates(estimates).map { ($0, probability(features(of: estimates, at: $0))) }
        guard let best = scored.reduce(nil, { (current: (Double, Double)?, next) in
            current.map { next.1 > $0.1 ? next : $0 } ?? next
        }) else { return nil }
        if best.1 < fallbackThreshold, let fallback = fallbacks.first, let own = estimates.estimate(fallback) {
            return ShownTempo(bpm: own, probability: best.1, decidedBy: "fallback \(fallback)", alternative: nil)
        }
        let direct = sources.filter { estimates.estimate($0).map { sameTempo($0, best.0) } == true }
        let value = direct.first.flatMap { estimates.estimate($0) } ?? best.0
        let decidedBy = direct.isEmpty ? levelName(best.0, estimates) : direct.joined(separator: "+")
        let other = scored.filter { sameTempo($0.0, 2 * value) || sameTempo($0.0, value / 2) }.max { $0.1 < $1.1 }
        let alternative = other.flatMap { $0.1 >= alternativeShare * best.1 ? $0.0 : nil }
        return ShownTempo(bpm: value, probability: best.1, decidedBy: decidedBy, alternative: alternative)
    }

    /// "re2013 ×2": the first estimator this level is an octave of.
    private static func levelName(_ candidate: Double, _ estimates: TempoEstimates) -> String {
        for source in sources {
            guard let bpm = estimates.estimate(source) else { continue }
            if sameTempo(bpm * 2, candidate) { return "\(source) ×2" }
            if sameTempo(bpm / 2, candidate) { return "\(source) ×½" }
        }
        return "model"
    }
}
