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
        self.init(keys: KeyProfile.allCases.map { profile in
            signals.map { KeyClass(key: $0.key(profile).key, scale: $0.key(profile).scale) }
        }, missing: nil)
    }

    /// From every track's key class per profile (`keys` in `KeyProfile.allCases` order, one value per
    /// track each, `missing` where a profile has none); nil for no tracks.
    public init?<Code: Equatable>(keys: [[Code]], missing: Code) {
        guard let tracks = keys.first?.count, tracks > 0 else { return nil }
        var inMajority: [KeyProfile: Int] = [:]
        for (index, profile) in KeyProfile.allCases.enumerated() {
            inMajority[profile] = (0..<tracks).count { track in
                let code = keys[index][track]
                return code != missing && keys.indices.contains { $0 != index && keys[$0][track] == code }
            }
        }
        let best = inMajority.values.max()
        let leaders = KeyProfile.allCases.filter { inMajority[$0] == best }
        self.init(profile: leaders[0], inMajority: inMajority, isTie: leaders.count > 1)
    }
}
