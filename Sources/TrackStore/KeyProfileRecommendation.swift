/// Which key profile to show users when there is no ground truth: the one most often in the
/// majority, i.e. agreeing with at least one of the other two (same key class, enharmonic spellings
/// joined). With three noisy estimators, the one nearest the others' consensus is the least likely
/// to be the odd one out. Ties go to the earlier profile in `KeyProfile` order, so temperley
/// (Essentia's default) wins a tie it is in. The report and the playlists both use this one rule.
public struct KeyProfileRecommendation: Sendable, Equatable {
    public var profile: KeyProfile
    /// Per profile, the tracks where it agrees with at least one of the other two.
    public var inMajority: [KeyProfile: Int]
    /// True when another profile is in the majority just as often.
    public var isTie: Bool

    public init(profile: KeyProfile, inMajority: [KeyProfile: Int], isTie: Bool) {
        self.profile = profile
        self.inMajority = inMajority
        self.isTie = isTie
    }

    /// nil for a collection without key estimates.
    public init?(signals: [SignalFeatures]) {
        guard !signals.isEmpty else { return nil }
        let classes = signals.map { signal in
            KeyProfile.allCases.map { KeyClass(key: signal.key($0).key, scale: signal.key($0).scale) }
        }
        var inMajority: [KeyProfile: Int] = [:]
        for (index, profile) in KeyProfile.allCases.enumerated() {
            inMajority[profile] = classes.filter { track in
                track[index] != nil && track.indices.contains { $0 != index && track[$0] == track[index] }
            }.count
        }
        let best = inMajority.values.max()
        let leaders = KeyProfile.allCases.filter { inMajority[$0] == best }
        self.init(profile: leaders[0], inMajority: inMajority, isTie: leaders.count > 1)
    }

    /// The profile for a collection, temperley when it has no key estimates.
    public static func profile(for signals: [SignalFeatures]) -> KeyProfile {
        KeyProfileRecommendation(signals: signals)?.profile ?? .temperley
    }
}
