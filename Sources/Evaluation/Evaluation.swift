import TrackStore

/// Descriptor accuracy against labels: what `tonearm evaluate` prints and writes.
public struct Evaluation: Sendable, Encodable {
    public struct TempoScores: Sendable, Encodable, Equatable {
        public var tracks: Int
        public var accuracy1: Double
        public var accuracy2: Double

        public init(tracks: Int, accuracy1: Double, accuracy2: Double) {
            self.tracks = tracks
            self.accuracy1 = accuracy1
            self.accuracy2 = accuracy2
        }
    }

    public struct KeyScores: Sendable, Encodable, Equatable {
        public var tracks: Int
        public var accuracy: Double
        public var weighted: Double
        /// Tracks per relation of estimate to label: exact, fifth, relative, parallel, other.
        public var relations: [String: Int]
    }

    public struct GenreScores: Sendable, Encodable, Equatable {
        /// For each label, how many of its tracks got each predicted parent genre (top-1 style).
        public var predictedParents: [String: [String: Int]]
        /// Share of the k nearest tracks carrying the query's label, averaged over labelled tracks, per embedding.
        public var neighbourPrecision: [String: Double]
        public var neighbours: Int
    }

    public struct TrackRow: Sendable, Encodable {
        public var path: String
        public var labelBpm: Double?
        public var bpm: Double?
        public var tempoOutcome: String?
        public var tempoCNNBpm: Double?
        public var tempoCNNOutcome: String?
        /// The fused tempo tonearm shows.
        public var shownBpm: Double?
        public var shownOutcome: String?
        public var shownBpmDecidedBy: String?
        public var shownKeyDecidedBy: String?
        public var labelKey: String?
        /// By key estimator: the three profiles, the evidence group's, and `shown (fused)`.
        public var keys: [String: String]
        public var keyRelations: [String: String]
        public var labelGenre: String?
        public var predictedStyle: String?
    }

    public var labelled: Int
    public var notInStore: [String]
    /// Keyed by estimator: `rhythmextractor2013`, `tempocnn`, `shown (fused)`.
    public var tempo: [String: TempoScores]
    /// Keyed by estimator (profiles, `shown (fused)`), plus `<name>, all three agree`
    /// for the subset where the three stored profiles agree.
    public var key: [String: KeyScores]
    public var agreeingTracks: Int
    public var genre: GenreScores?
    public var tracks: [TrackRow]
}
