import TrackStore

/// Arousal and valence (emomusic, [1, 9]) as points on the plane, counted per quadrant around
/// the scale's midpoint 5 (Russell's circumplex: arousal up, valence right).
public struct EmotionSummary: Sendable {
    public static let midpoint = 5.0

    public enum Quadrant: String, CaseIterable, Sendable {
        case excited, tense, sad, calm

        public var title: String {
            switch self {
            case .excited: return "happy / excited"
            case .tense: return "tense / angry"
            case .sad: return "sad / depressed"
            case .calm: return "calm / relaxed"
            }
        }

        public var description: String {
            switch self {
            case .excited: return "high arousal, positive valence"
            case .tense: return "high arousal, negative valence"
            case .sad: return "low arousal, negative valence"
            case .calm: return "low arousal, positive valence"
            }
        }

        /// Points on a midline count on its upper/positive side.
        init(arousal: Double, valence: Double) {
            switch (arousal >= EmotionSummary.midpoint, valence >= EmotionSummary.midpoint) {
            case (true, true): self = .excited
            case (true, false): self = .tense
            case (false, false): self = .sad
            case (false, true): self = .calm
            }
        }
    }

    public struct Point: Sendable, Equatable {
        public var track: Track
        public var valence: Double
        public var arousal: Double
    }

    public var points: [Point]
    public var quadrants: [Quadrant: Int]

    public init(_ data: ReportData) {
        points = data.tracks.compactMap { track in
            track.musicnn.map { Point(track: track.track, valence: $0.valence, arousal: $0.arousal) }
        }
        quadrants = Dictionary(grouping: points) { Quadrant(arousal: $0.arousal, valence: $0.valence) }.mapValues(\.count)
    }
}
