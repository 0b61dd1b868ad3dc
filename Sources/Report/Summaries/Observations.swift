import Foundation
import TrackStore

/// The figures of the report's opening "Observations": one per question, each computed from the
/// data (nil when no track has the descriptors it needs).
public struct Observations: Sendable {
    /// Percentage of tracks the smallest set of parent genres must cover.
    public static let genreCoveragePercent = 80
    /// Louder than this is a "loudness war" master (modern pop and metal masters sit at −9 to −6 LUFS).
    public static let loudLufs = -9.0
    /// Quieter than EBU R128's broadcast target: unusually quiet for released music.
    public static let quietLufs = -23.0

    public struct Genres: Sendable, Equatable {
        public var tracks: Int
        public var present: Int
        /// Fewest parent genres (most frequent first, by top-1 style) holding at least 80 % of the tracks.
        public var coveringMost: Int
        /// Shannon entropy of the top-1 parent-genre shares, in nats.
        public var entropy: Double
        /// exp(entropy), the Hill number of order 1: as diverse as this many equally common genres.
        public var effectiveNumber: Double { exp(entropy) }
    }

    public struct Tempo: Sendable, Equatable {
        public var tracks: Int
        public var median: Double
        public var lowerQuartile: Double
        public var upperQuartile: Double
        public var interquartileRange: Double { upperQuartile - lowerQuartile }
    }

    public struct Keys: Sendable, Equatable {
        public var profile: KeyProfile
        public var tracks: Int
        /// Key classes (of 24) estimated for at least one track.
        public var present: Int
        /// The most frequent key classes (several on a tie), in `KeyClass.all` order.
        public var mostCommon: [KeyClass]
        public var mostCommonTracks: Int
    }

    public struct Loudness: Sendable, Equatable {
        /// Tracks with an integrated loudness (digital silence has none).
        public var tracks: Int
        public var louder: Int
        public var quieter: Int
    }

    public struct Shares: Sendable, Equatable {
        public var tracks: Int
        public var counts: [EmotionSummary.Quadrant: Int]
    }

    public var genres: Genres?
    public var tempo: Tempo?
    public var keys: Keys?
    public var loudness: Loudness?
    public var emotion: Shares?
    /// Tracks with a voice estimate and how many of them are vocal.
    public var voice: (tracks: Int, vocal: Int)?

    init(_ data: ReportData, styles: StyleSummary, keys keySummary: KeySummary, emotion emotionSummary: EmotionSummary,
         voice voiceSummary: VoiceSummary) {
        genres = Self.genres(styles)
        let bpms = data.tracks.compactMap(\.shown?.bpm).filter { $0 > 0 }
        if let median = bpms.median, let lower = bpms.quantile(0.25), let upper = bpms.quantile(0.75) {
            tempo = Tempo(tracks: bpms.count, median: median, lowerQuartile: lower, upperQuartile: upper)
        }
        keys = keySummary.recommendation.flatMap { Self.keys(keySummary, profile: $0.profile) }
        let lufs = data.tracks.compactMap(\.signal?.loudnessLufs)
        if !lufs.isEmpty {
            loudness = Loudness(tracks: lufs.count, louder: lufs.filter { $0 > Self.loudLufs }.count,
                                quieter: lufs.filter { $0 < Self.quietLufs }.count)
        }
        if !emotionSummary.points.isEmpty {
            emotion = Shares(tracks: emotionSummary.points.count, counts: emotionSummary.quadrants)
        }
        if voiceSummary.trackCount > 0 {
            voice = (voiceSummary.trackCount, voiceSummary.vocal)
        }
    }

    private static func genres(_ styles: StyleSummary) -> Genres? {
        let counts = styles.genres.map(\.tracksTop1).filter { $0 > 0 }.sorted(by: >)
        let total = counts.reduce(0, +)
        guard total > 0 else { return nil }
        var covered = 0
        let covering = counts.prefix { count in
            defer { covered += count }
            return covered * 100 < genreCoveragePercent * total
        }.count
        let entropy = -counts.map { Double($0) / Double(total) }.map { $0 * log($0) }.reduce(0, +)
        return Genres(tracks: total, present: counts.count, coveringMost: covering, entropy: entropy)
    }

    private static func keys(_ summary: KeySummary, profile: KeyProfile) -> Keys? {
        guard let counts = summary.distributions[profile], let most = counts.max(), most > 0 else { return nil }
        return Keys(profile: profile, tracks: counts.reduce(0, +), present: counts.filter { $0 > 0 }.count,
                    mostCommon: zip(KeyClass.all, counts).filter { $0.1 == most }.map(\.0), mostCommonTracks: most)
    }
}
