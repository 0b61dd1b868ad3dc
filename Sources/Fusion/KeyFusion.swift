/// One key estimate as a vote: tonic pitch class (0 = C), mode, and the profile correlation behind it.
public struct KeyVote: Sendable, Equatable {
    public var source: String
    public var pitchClass: Int
    public var minor: Bool
    public var strength: Double

    public init(source: String, pitchClass: Int, minor: Bool, strength: Double) {
        self.source = source
        self.pitchClass = pitchClass
        self.minor = minor
        self.strength = strength
    }
}

/// The key tonearm shows, and the votes that chose it.
public struct ShownKey: Sendable, Equatable {
    public var pitchClass: Int
    public var minor: Bool
    public var score: Double
    /// `score` over the votes' total strength, on [0, 1].
    public var confidence: Double
    /// The voters that chose exactly this key, in vote order.
    public var agreeing: [String]

    public var decidedBy: String { agreeing.isEmpty ? "consensus of related keys" : agreeing.joined(separator: "+") }
}

/// Strength-weighted consensus of key profiles (see README, "The key tonearm shows").
///
/// Each of the 24 keys scores the sum over votes of `strength × affinity(key, vote)`, with the MIREX
/// weights as affinity (same key 1, a fifth apart 0.5, relative 0.3, parallel 0.2), made symmetric:
/// the key most compatible with all the profiles, which is the best bet under the MIREX score when the
/// profiles err around the truth. A relative or parallel disagreement is thus settled by the mode
/// evidence of every other vote; exact ties go to the key whose exact voters are stronger, then to the
/// earliest vote.
public enum KeyFusion {
    public static func affinity(pitchClass: Int, minor: Bool, to vote: KeyVote) -> Double {
        let interval = ((vote.pitchClass - pitchClass) % 12 + 12) % 12
        if minor == vote.minor {
            if interval == 0 { return 1 }
            if interval == 7 || interval == 5 { return 0.5 }
            return 0
        }
        // Relative: the minor tonic is a minor third below the major one.
        let relative = minor ? interval == 3 : interval == 9
        if relative { return 0.3 }
        return interval == 0 ? 0.2 : 0
    }

    /// nil when no vote has a positive strength (digital silence, or no estimate stored).
    public static func shown(_ votes: [KeyVote]) -> ShownKey? {
        let voters = votes.filter { $0.strength > 0 }
        let total = voters.reduce(0) { $0 + $1.strength }
        var best: (key: ShownKey, exact: Double, firstVote: Int)?
        for minor in [false, true] {
            for pitchClass in 0..<12 {
                let score = voters.reduce(0) { $0 + $1.strength * affinity(pitchClass: pitchClass, minor: minor, to: $1) }
                let exactVoters = voters.enumerated().filter { $0.element.pitchClass == pitchClass && $0.element.minor == minor }
                let exact = exactVoters.reduce(0) { $0 + $1.element.strength }
                let firstVote = exactVoters.first?.offset ?? voters.count
                let key = ShownKey(pitchClass: pitchClass, minor: minor, score: score, confidence: score / total,
                                   agreeing: exactVoters.map(\.element.source))
                guard score > 0 else { continue }
                if let current = best {
                    let better = score > current.key.score + 1e-12
                        || (abs(score - current.key.score) <= 1e-12
                            && (exact > current.exact + 1e-12
                                || (abs(exact - current.exact) <= 1e-12 && firstVote < current.firstVote)))
                    if !better { continue }
                }
                best = (key, exact, firstVote)
            }
        }
        return best?.key
    }
}
