import TrackStore

/// The key profile to trust by default: the one that agrees most, on average, with the other two
/// (same tonic and scale). With three noisy estimators the one nearest the others' consensus is the
/// safest pick without ground truth. Temperley (Essentia's default) wins ties and empty collections.
public func recommendedProfile(for signals: [SignalFeatures]) -> KeyProfile {
    let agreement = meanAgreement(for: signals)
    guard let best = agreement.values.max(), agreement.values.filter({ $0 == best }).count == 1 else { return .temperley }
    return agreement.first { $0.value == best }!.key
}

/// For each profile, the share of (track, other profile) pairs where both profiles name the same key.
public func meanAgreement(for signals: [SignalFeatures]) -> [KeyProfile: Double] {
    guard !signals.isEmpty else { return [:] }
    var agreement: [KeyProfile: Double] = [:]
    for profile in KeyProfile.allCases {
        let others = KeyProfile.allCases.filter { $0 != profile }
        let agreeing = signals.reduce(0) { count, signal in
            let own = signal.key(profile)
            return count + others.filter { signal.key($0).key == own.key && signal.key($0).scale == own.scale }.count
        }
        agreement[profile] = Double(agreeing) / Double(signals.count * others.count)
    }
    return agreement
}
