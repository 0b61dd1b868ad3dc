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

    static let bpmSource = "the shown BPM: the fused tempo estimate (RhythmExtractor2013 and TempoCNN), as in the BPM column"
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
        // From the playlist engine's columns, and otherwise by index: iterating the tracks copies each
        // descriptor, seconds at a million tracks.
        ranges = Dictionary(uniqueKeysWithValues: RangeFilter.allCases.map { filter in
            (filter.rawValue, RangeBins(values: catalog.playlists.column(filter).filter { !$0.isNaN }))
        })
        (styles, parents) = Self.styleCounts(tracks, labels: catalog.playlists.styleLabels)
        keys = Self.keyCounts(tracks)
        av = Self.emotionGrid(arousal: catalog.playlists.column(.arousal), valence: catalog.playlists.column(.valence))
    }

    /// The report's multi-label rule: a track carries every style whose activation reaches
    /// `StyleSummary.threshold` (the playlist filter's default activation too), and a parent genre
    /// when any of its styles does.
    private static func styleCounts(_ tracks: [TrackDescriptors], labels: [String]) -> ([Count], [Count]) {
        let names = labels.map(StyleLabel.init)
        let genres = Array(Set(names.map(\.genre)))
        let genreOfStyle = names.map { name in genres.firstIndex(of: name.genre)! }
        var styleCounts = [Int](repeating: 0, count: names.count), genreCounts = [Int](repeating: 0, count: genres.count)
        // The last row each genre was counted for, so a track counts once per genre.
        var countedFor = [Int](repeating: -1, count: genres.count)
        for row in tracks.indices {
            guard let styles = tracks[row].effnet?.styles.values else { continue }
            for index in styles.indices where index < names.count && styles[index] >= StyleSummary.threshold {
                styleCounts[index] += 1
                if countedFor[genreOfStyle[index]] != row {
                    countedFor[genreOfStyle[index]] = row
                    genreCounts[genreOfStyle[index]] += 1
                }
            }
        }
        let byCount = { (lhs: Count, rhs: Count) in (lhs.count, rhs.name) > (rhs.count, lhs.name) }
        return (zip(labels, styleCounts).map { Count(name: $0, count: $1) }.sorted(by: byCount),
                zip(genres, genreCounts).map { Count(name: $0, count: $1) }.sorted(by: byCount))
    }

    /// Tonic and scale of the shown key, which the key filter reads unless a profile is chosen.
    private static func keyCounts(_ tracks: [TrackDescriptors]) -> Keys {
        var tonics = [Int](repeating: 0, count: KeyClass.tonicNames.count), scales: [KeyClass.Scale: Int] = [:], withProfiles = 0
        for row in tracks.indices {
            if tracks[row].signal != nil { withProfiles += 1 }
            guard let key = tracks[row].shown?.keyClass else { continue }
            tonics[key.pitchClass] += 1
            scales[key.scale, default: 0] += 1
        }
        return Keys(tonic: KeyClass.tonicNames.indices.map { ValueCount(value: KeyClass.tonicNames[$0], count: tonics[$0]) },
                    scale: KeyClass.Scale.allCases.map { ValueCount(value: $0.rawValue, count: scales[$0] ?? 0) },
                    profile: KeyProfile.allCases.map { ValueCount(value: $0.rawValue, count: withProfiles) })
    }

    /// Tracks per cell of arousal × valence (NaN: no MusiCNN heads).
    private static func emotionGrid(arousal: [Double], valence: [Double]) -> EmotionGrid {
        let size = RangeBins.binCount
        let bins = RangeBins(min: emotionScale.min, max: emotionScale.max)
        var grid = [Int](repeating: 0, count: size * size)
        for (arousal, valence) in zip(arousal, valence) where !arousal.isNaN && !valence.isNaN {
            grid[bins.index(of: arousal) * size + bins.index(of: valence)] += 1
        }
        return EmotionGrid(arousal: emotionScale, valence: emotionScale, size: size, grid: grid)
    }
}
