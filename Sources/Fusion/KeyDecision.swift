import Foundation

/// One profile's key estimate: tonic pitch class (0 = C) and mode.
public struct KeyVote: Sendable, Equatable {
    public var source: String
    public var pitchClass: Int
    public var minor: Bool

    public init(source: String, pitchClass: Int, minor: Bool) {
        self.source = source
        self.pitchClass = pitchClass
        self.minor = minor
    }
}

/// The key tonearm shows, and how it was chosen.
public struct ShownKey: Sendable, Equatable {
    public var pitchClass: Int
    public var minor: Bool
    /// The model's probability that the shown key is the key, on [0, 1]; nil when a profile is
    /// missing and the model did not run.
    public var probability: Double?
    /// The profiles that name this key, in `KeyDecision.profiles` order; "fallback bgate" when the model
    /// was not sure of any candidate; "bgate" when the model never overrules it (a threshold above 1);
    /// "krumhansl (incomplete inputs)" when a profile is missing.
    public var decidedBy: String
}

/// Which key to show: a logistic regression over the keys the profiles name, fitted on the development
/// set (evaluation/devset/fit.py writes the coefficients; docs/tempo-and-key.md says what it learned).
///
/// A candidate's features are which profiles name it and the share of profiles naming a key the MIREX
/// score relates to it (a fifth either way, relative, parallel). The most probable candidate is shown,
/// or the best single profile's key when none reaches `fallbackThreshold`. The model was fitted with
/// every profile present: where one is missing (no evidence group), the best present profile's key is shown.
public enum KeyDecision {
    /// Same key, a fifth either way, relative or parallel: the relations the MIREX score gives credit.
    static func related(_ a: KeyVote, _ b: KeyVote) -> Bool {
        let interval = ((b.pitchClass - a.pitchClass) % 12 + 12) % 12
        if a.minor == b.minor { return interval == 7 || interval == 5 }
        let relative = a.minor ? interval == 3 : interval == 9
        return relative || interval == 0
    }

    static func sameKey(_ a: KeyVote, _ b: KeyVote) -> Bool {
        a.pitchClass == b.pitchClass && a.minor == b.minor
    }

    /// In the order of `coefficients`.
    static func features(of candidate: KeyVote, votes: [String: KeyVote]) -> [Double] {
        let named = profiles.map { votes[$0].map { sameKey($0, candidate) } == true ? 1.0 : 0.0 }
        let near = profiles.filter { votes[$0].map { !sameKey($0, candidate) && related($0, candidate) } == true }.count
        return named + [Double(near) / Double(profiles.count)]
    }

    static func probability(_ features: [Double]) -> Double {
        let z = zip(features, coefficients).reduce(intercept) { $0 + $1.0 * $1.1 }
        return 1 / (1 + exp(-z))
    }

    /// nil without any vote from `profiles` (digital silence, or no key estimate stored).
    public static func shown(_ votes: [KeyVote]) -> ShownKey? {
        let bySource = Dictionary(votes.map { ($0.source, $0) }) { first, _ in first }
        guard profiles.allSatisfy({ bySource[$0] != nil }) else {
            return fallbacks.lazy.compactMap { profile in
                bySource[profile].map { ShownKey(pitchClass: $0.pitchClass, minor: $0.minor, probability: nil, decidedBy: "\(profile) (incomplete inputs)") }
            }.first
        }
        var candidates: [KeyVote] = []
        for profile in profiles {
            if let vote = bySource[profile], !candidates.contains(where: { sameKey($0, vote) }) { candidates.append(vote) }
        }
        let scored = candidates.map { ($0, probability(features(of: $0, votes: bySource))) }
        guard let best = scored.reduce(nil, { (current: (KeyVote, Double)?, next) in
            current.map { next.1 > $0.1 ? next : $0 } ?? next
        }) else { return nil }
        if best.1 < fallbackThreshold, let fallback = fallbacks.first, let own = bySource[fallback] {
            // A threshold above 1 means the model never overrules: the profile alone decides, and is named so.
            return ShownKey(pitchClass: own.pitchClass, minor: own.minor, probability: probability(features(of: own, votes: bySource)),
                            decidedBy: fallbackThreshold > 1 ? fallback : "fallback \(fallback)")
        }
        let naming = profiles.filter { bySource[$0].map { sameKey($0, best.0) } == true }
        return ShownKey(pitchClass: best.0.pitchClass, minor: best.0.minor, probability: best.1,
                        decidedBy: naming.joined(separator: "+"))
    }
}
