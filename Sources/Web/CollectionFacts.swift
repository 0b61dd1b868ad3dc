import Playlists
import Report
import TrackStore

/// What `/api/collection` says about the whole collection: each range filter's extent and histogram,
/// how many tracks carry each style, parent genre and key, and the arousal × valence density.
/// Computed once per version of the collection, not per request.
struct CollectionFacts: Encodable, Sendable {
    struct Count: Encodable, Sendable {
        let name: String
        let count: Int
    }

    struct ValueCount: Encodable, Sendable {
        let value: String
        let count: Int
    }

    struct Keys: Encodable, Sendable {
        let tonic: [ValueCount]
        let scale: [ValueCount]
        let profile: [ValueCount]
    }

    struct Bounds: Encodable, Sendable {
        let min: Double
        let max: Double
    }

    struct EmotionGrid: Encodable, Sendable {
        let arousal: Bounds
        let valence: Bounds
        let size: Int
        /// Row-major: arousal bins are the rows, valence bins the columns.
        let grid: [Int]
    }

    static let bpmSource = "the shown BPM: the fused tempo estimate (RhythmExtractor2013, TempoCNN and Percival votes), as in the BPM column"
    /// Arousal and valence are rated on the 1–9 scale of the datasets the MusiCNN heads were trained on.
    static let emotionScale = Bounds(min: 1, max: 9)

    let version: Int
    let trackCount: Int
    let state: AnalysisCounts
    let bpmSource: String
    let ranges: [String: RangeBins]
    let styles: [Count]
    let parents: [Count]
    let keys: Keys
    let av: EmotionGrid

    init(catalog: Catalog, version: Int, state: AnalysisCounts) {
        let tracks = catalog.playlists.tracks
        self.version = version
        trackCount = tracks.count
        self.state = state
        bpmSource = Self.bpmSource
        ranges = Dictionary(uniqueKeysWithValues: RangeFilter.allCases.map { filter in
            (filter.rawValue, RangeBins(values: tracks.compactMap(filter.value(of:))))
        })
        (styles, parents) = Self.styleCounts(tracks, labels: catalog.playlists.styleLabels)
        keys = Self.keyCounts(tracks)
        av = Self.emotionGrid(tracks)
    }

    /// The report's multi-label rule: a track carries every style whose activation reaches
    /// `StyleSummary.threshold` (the playlist filter's default activation too), and a parent genre
    /// when any of its styles does.
    private static func styleCounts(_ tracks: [TrackDescriptors], labels: [String]) -> ([Count], [Count]) {
        let names = labels.map(StyleLabel.init)
        var styleCounts = [Int](repeating: 0, count: names.count)
        var genreCounts: [String: Int] = [:]
        for styles in tracks.lazy.compactMap({ $0.effnet?.styles.values }) {
            var genres = Set<String>()
            for (index, value) in zip(styles.indices, styles) where index < names.count && value >= StyleSummary.threshold {
                styleCounts[index] += 1
                genres.insert(names[index].genre)
            }
            for genre in genres { genreCounts[genre, default: 0] += 1 }
        }
        for name in names where genreCounts[name.genre] == nil { genreCounts[name.genre] = 0 }
        let byCount = { (lhs: Count, rhs: Count) in (lhs.count, rhs.name) > (rhs.count, lhs.name) }
        return (zip(labels, styleCounts).map { Count(name: $0, count: $1) }.sorted(by: byCount),
                genreCounts.map { Count(name: $0, count: $1) }.sorted(by: byCount))
    }

    /// Tonic and scale of the shown key, which the key filter reads unless a profile is chosen.
    private static func keyCounts(_ tracks: [TrackDescriptors]) -> Keys {
        let shownKeys = tracks.compactMap { $0.shown?.keyClass }
        let tonics = Dictionary(grouping: shownKeys, by: \.pitchClass).mapValues(\.count)
        let scales = Dictionary(grouping: shownKeys, by: \.scale).mapValues(\.count)
        let withProfiles = tracks.lazy.filter { $0.signal != nil }.count
        return Keys(tonic: KeyClass.tonicNames.indices.map { ValueCount(value: KeyClass.tonicNames[$0], count: tonics[$0] ?? 0) },
                    scale: KeyClass.Scale.allCases.map { ValueCount(value: $0.rawValue, count: scales[$0] ?? 0) },
                    profile: KeyProfile.allCases.map { ValueCount(value: $0.rawValue, count: withProfiles) })
    }

    private static func emotionGrid(_ tracks: [TrackDescriptors]) -> EmotionGrid {
        let size = RangeBins.binCount
        let bins = RangeBins(min: emotionScale.min, max: emotionScale.max)
        var grid = [Int](repeating: 0, count: size * size)
        for musicnn in tracks.lazy.compactMap(\.musicnn) {
            grid[bins.index(of: musicnn.arousal) * size + bins.index(of: musicnn.valence)] += 1
        }
        return EmotionGrid(arousal: emotionScale, valence: emotionScale, size: size, grid: grid)
    }
}
