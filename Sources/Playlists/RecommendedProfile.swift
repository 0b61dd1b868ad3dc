import TrackStore

/// The key profile to trust by default: the one that agrees most, on average, with the other two
/// (same tonic, enharmonic spellings joined, and same scale). With three noisy estimators, the one
/// nearest the others' consensus is the safest pick without ground truth. This ranks profiles exactly
/// like counting the tracks where a profile is in the majority, as the report does. Ties go to the
/// earlier profile in `KeyProfile` order, so temperley (Essentia's default) wins a tie it is in and
/// an empty collection.
public func recommendedProfile(for signals: [SignalFeatures]) -> KeyProfile {
    let agreement = meanAgreement(for: signals)
    let best = agreement.values.max()
    return KeyProfile.allCases.first { agreement[$0] == best } ?? .temperley
}

/// For each profile, the share of (track, other profile) pairs where both profiles name the same key.
public func meanAgreement(for signals: [SignalFeatures]) -> [KeyProfile: Double] {
    guard !signals.isEmpty else { return [:] }
    // An unrecognized key (say, a profile that was not computed) agrees with nothing.
    func sameKey(_ a: KeyEstimate, _ b: KeyEstimate) -> Bool {
        let first = KeyClass(key: a.key, scale: a.scale)
        return first != nil && first == KeyClass(key: b.key, scale: b.scale)
    }
    var agreement: [KeyProfile: Double] = [:]
    for profile in KeyProfile.allCases {
        let others = KeyProfile.allCases.filter { $0 != profile }
        let agreeing = signals.reduce(0) { count, signal in
            count + others.filter { sameKey(signal.key(profile), signal.key($0)) }.count
        }
        agreement[profile] = Double(agreeing) / Double(signals.count * others.count)
    }
    return agreement
}
