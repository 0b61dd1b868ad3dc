import TrackStore

/// Which Discogs styles the collection holds, by two rules: each track's single strongest style
/// (top-1, one style per track, counts sum to the track count) and every style whose activation
/// reaches `threshold` (multi-label, as Discogs itself tags a release with several styles).
public struct StyleSummary: Sendable {
    /// The page shows how many styles per track pass, so the choice can be checked on the data.
    public static let threshold = Float(StyleLabel.presenceThreshold)

    public struct StyleCount: Sendable, Equatable {
        public var label: StyleLabel
        public var tracksTop1: Int
        public var tracksAboveThreshold: Int
        public var meanActivation: Double
    }

    public struct GenreCount: Sendable, Equatable {
        public var genre: String
        public var tracksTop1: Int
        /// Tracks with at least one style of this genre at or above the threshold.
        public var tracksAboveThreshold: Int
    }

    /// Tracks with style activations.
    public var trackCount: Int
    /// All styles, most frequent first (top-1, then above threshold, then mean activation).
    public var styles: [StyleCount]
    public var genres: [GenreCount]
    public var meanStylesAboveThreshold: Double
    public var tracksWithNoStyleAboveThreshold: Int

    public init(_ data: ReportData) {
        let effnets = data.tracks.compactMap(\.effnet)
        let activations = effnets.map(\.styles.values)
        trackCount = activations.count
        let styleCount = max(data.styleLabels.count, activations.map(\.count).max() ?? 0)
        var top1 = [Int](repeating: 0, count: styleCount)
        var above = [Int](repeating: 0, count: styleCount)
        var sums = [Double](repeating: 0, count: styleCount)
        var genresTop1: [String: Int] = [:]
        var genresAbove: [String: Int] = [:]
        var passing = 0
        for effnet in effnets {
            guard let strongest = data.strongestStyles(effnet, count: 1).first else { continue }
            top1[strongest.index] += 1
            genresTop1[strongest.label.genre, default: 0] += 1
            var genresOfTrack = Set<String>()
            for (index, value) in effnet.styles.values.enumerated() {
                sums[index] += Double(value)
                if value >= Self.threshold {
                    above[index] += 1
                    passing += 1
                    genresOfTrack.insert(data.styleLabel(index).genre)
                }
            }
            for genre in genresOfTrack { genresAbove[genre, default: 0] += 1 }
        }
        let tracks = Double(max(trackCount, 1))
        styles = (0..<styleCount).map { index in
            StyleCount(label: data.styleLabel(index), tracksTop1: top1[index], tracksAboveThreshold: above[index],
                       meanActivation: sums[index] / tracks)
        }.enumerated().sorted { lhs, rhs in
            // Ties keep the model's style order.
            let (l, r) = (lhs.element, rhs.element)
            return (l.tracksTop1, l.tracksAboveThreshold, l.meanActivation, rhs.offset)
                > (r.tracksTop1, r.tracksAboveThreshold, r.meanActivation, lhs.offset)
        }.map(\.element)
        genres = Set(styles.map(\.label.genre)).map {
            GenreCount(genre: $0, tracksTop1: genresTop1[$0] ?? 0, tracksAboveThreshold: genresAbove[$0] ?? 0)
        }.sorted { ($0.tracksTop1, $0.tracksAboveThreshold, $1.genre) > ($1.tracksTop1, $1.tracksAboveThreshold, $0.genre) }
        meanStylesAboveThreshold = Double(passing) / tracks
        tracksWithNoStyleAboveThreshold = activations.filter { $0.allSatisfy { $0 < Self.threshold } }.count
    }
}
