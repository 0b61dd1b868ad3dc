import TrackStore

/// How the three key profiles distribute the collection over the 24 key classes, how often they
/// agree, and which one to show users.
public struct KeySummary: Sendable {
    public struct ProfilePair: Hashable, Sendable {
        public var first: KeyProfile
        public var second: KeyProfile

        public static let all: [ProfilePair] = [
            ProfilePair(first: .temperley, second: .krumhansl),
            ProfilePair(first: .temperley, second: .edma),
            ProfilePair(first: .krumhansl, second: .edma),
        ]

        public var name: String { "\(first.rawValue) = \(second.rawValue)" }
    }

    public typealias Recommendation = KeyProfileRecommendation

    /// Tracks with key estimates.
    public var trackCount: Int
    /// Per profile, track counts in the order of `KeyClass.all`.
    public var distributions: [KeyProfile: [Int]]
    /// Per profile, tracks whose key is not one of the 24 classes.
    public var unrecognized: [KeyProfile: Int]
    public var allAgree: Int
    public var pairAgree: [ProfilePair: Int]
    public var recommendation: Recommendation?
    /// Tracks with a shown (fused) key, and those on which it is the recommended profile's key.
    public var shownTracks: Int
    public var shownIsRecommended: Int

    public init(_ data: ReportData) {
        let estimates: [[KeyProfile: KeyClass]] = data.tracks.compactMap(\.signal).map { signal in
            var classes: [KeyProfile: KeyClass] = [:]
            for profile in KeyProfile.allCases {
                let estimate = signal.key(profile)
                classes[profile] = KeyClass(key: estimate.key, scale: estimate.scale)
            }
            return classes
        }
        trackCount = estimates.count
        var distributions: [KeyProfile: [Int]] = [:]
        var unrecognized: [KeyProfile: Int] = [:]
        for profile in KeyProfile.allCases {
            var counts = [Int](repeating: 0, count: KeyClass.all.count)
            for estimate in estimates {
                if let keyClass = estimate[profile] { counts[KeyClass.all.firstIndex(of: keyClass)!] += 1 }
            }
            distributions[profile] = counts
            unrecognized[profile] = estimates.count - counts.reduce(0, +)
        }
        self.distributions = distributions
        self.unrecognized = unrecognized

        func agree(_ a: KeyProfile, _ b: KeyProfile, _ estimate: [KeyProfile: KeyClass]) -> Bool {
            estimate[a] != nil && estimate[a] == estimate[b]
        }
        allAgree = estimates.filter { agree(.temperley, .krumhansl, $0) && agree(.temperley, .edma, $0) }.count
        pairAgree = Dictionary(uniqueKeysWithValues: ProfilePair.all.map { pair in
            (pair, estimates.filter { agree(pair.first, pair.second, $0) }.count)
        })
        let recommendation = KeyProfileRecommendation(signals: data.tracks.compactMap(\.signal))
        self.recommendation = recommendation
        let shown = data.tracks.compactMap { track in track.shown?.keyClass.map { (track, $0) } }
        shownTracks = shown.count
        shownIsRecommended = shown.filter { track, keyClass in
            guard let profile = recommendation?.profile, let signal = track.signal else { return false }
            return KeyClass(key: signal.key(profile).key, scale: signal.key(profile).scale) == keyClass
        }.count
    }
}
