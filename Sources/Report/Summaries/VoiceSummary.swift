import TrackStore

/// Vocal versus instrumental, overall and per parent genre (of each track's top-1 style).
public struct VoiceSummary: Sendable {
    /// The voice/instrumental head is a two-class softmax: P(voice) ≥ 0.5 is its own decision.
    public static let threshold = 0.5

    public struct GenreShare: Sendable, Equatable {
        public var genre: String
        public var vocal: Int
        public var instrumental: Int
    }

    public var trackCount: Int
    public var vocal: Int
    public var instrumental: Int { trackCount - vocal }
    /// Largest genres first.
    public var genres: [GenreShare]

    public init(_ data: ReportData) {
        let effnets = data.tracks.compactMap(\.effnet)
        trackCount = effnets.count
        vocal = effnets.filter { $0.voice >= Self.threshold }.count
        var shares: [String: GenreShare] = [:]
        for effnet in effnets {
            guard let genre = data.strongestStyles(effnet, count: 1).first?.label.genre else { continue }
            var share = shares[genre] ?? GenreShare(genre: genre, vocal: 0, instrumental: 0)
            if effnet.voice >= Self.threshold { share.vocal += 1 } else { share.instrumental += 1 }
            shares[genre] = share
        }
        genres = shares.values.sorted { ($0.vocal + $0.instrumental, $1.genre) > ($1.vocal + $1.instrumental, $0.genre) }
    }
}
