import Playlists
import TrackStore

/// Facts about the whole collection the playlists page's live filters are drawn from (`/api/collection`):
/// each range filter's extent and histogram, style and key counts, the arousal × valence density.
/// Stand-in written by the web-filters branch to the shared contract; web-json's version replaces it.
struct CollectionSummary: Encodable {
    struct Range: Encodable {
        let min: Double
        let max: Double
        let bins: [Int]
    }

    struct Count: Encodable {
        let name: String
        let count: Int
    }

    struct ValueCount: Encodable {
        let value: String
        let count: Int
    }

    struct Keys: Encodable {
        let tonic: [ValueCount]
        let scale: [ValueCount]
        let profile: [ValueCount]
    }

    struct Extent: Encodable {
        let min: Double
        let max: Double
    }

    struct Density: Encodable {
        let arousal: Extent
        let valence: Extent
        let size: Int
        let grid: [Int]
    }

    static let binCount = 40

    let trackCount: Int
    let bpmSource = "the shown tempo: RhythmExtractor2013 and TempoCNN fused by a confidence-weighted vote"
    let ranges: [String: Range]
    let styles: [Count]
    let parents: [Count]
    let keys: Keys
    let av: Density

    /// The value each range filter reads, by its URL parameter.
    static let rangeValues: [(name: String, value: @Sendable (TrackDescriptors) -> Double?)] = [
        ("bpm", { $0.shown?.bpm }), ("dance", { $0.shown?.danceability }),
        ("arousal", { $0.musicnn?.arousal }), ("valence", { $0.musicnn?.valence }),
        ("loudness", { $0.signal?.loudnessLufs }),
    ]

    init(_ engine: PlaylistEngine) {
        let tracks = engine.tracks
        trackCount = tracks.count
        var ranges: [String: Range] = [:]
        for (name, value) in Self.rangeValues {
            let values = tracks.compactMap(value)
            guard let low = values.min(), let high = values.max() else { continue }
            ranges[name] = Range(min: low, max: high, bins: Self.histogram(values, min: low, max: high))
        }
        self.ranges = ranges
        let threshold = Float(PlaylistQuery.defaultActivation)
        var styleCounts = [Int](repeating: 0, count: engine.styleLabels.count)
        var parentCounts: [String: Int] = [:]
        for activations in tracks.compactMap({ $0.effnet?.styles.values }) {
            for (index, activation) in activations.enumerated() where activation >= threshold && index < styleCounts.count {
                styleCounts[index] += 1
            }
            if let top = activations.indices.max(by: { activations[$0] < activations[$1] }), top < engine.styleLabels.count {
                parentCounts[Self.parent(of: engine.styleLabels[top]), default: 0] += 1
            }
        }
        styles = zip(engine.styleLabels, styleCounts).map { Count(name: $0, count: $1) }
        parents = parentCounts.map { Count(name: $0.key, count: $0.value) }.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        let shownKeys = tracks.compactMap { $0.shown?.keyClass }
        keys = Keys(
            tonic: KeyClass.tonicNames.enumerated().map { pitch, name in
                ValueCount(value: name, count: shownKeys.filter { $0.pitchClass == pitch }.count)
            },
            scale: KeyClass.Scale.allCases.map { scale in
                ValueCount(value: scale.rawValue, count: shownKeys.filter { $0.scale == scale }.count)
            },
            profile: KeyProfile.allCases.map { ValueCount(value: $0.rawValue, count: tracks.filter { $0.signal != nil }.count) })
        av = Self.density(tracks.compactMap { $0.musicnn }.map { (arousal: $0.arousal, valence: $0.valence) })
    }

    static func parent(of style: String) -> String {
        style.components(separatedBy: "---").first ?? style
    }

    /// `binCount` equal-width bins from `min` to `max`; `max` falls in the last bin.
    static func histogram(_ values: [Double], min: Double, max: Double) -> [Int] {
        var bins = [Int](repeating: 0, count: binCount)
        for value in values { bins[bin(value, min: min, max: max)] += 1 }
        return bins
    }

    static func bin(_ value: Double, min: Double, max: Double) -> Int {
        guard max > min else { return 0 }
        return Swift.min(binCount - 1, Swift.max(0, Int((value - min) / (max - min) * Double(binCount))))
    }

    /// Emotion is rated on a 1–9 scale, so the grid spans it whatever the collection holds.
    private static func density(_ points: [(arousal: Double, valence: Double)]) -> Density {
        var grid = [Int](repeating: 0, count: binCount * binCount)
        for point in points {
            grid[bin(point.arousal, min: 1, max: 9) * binCount + bin(point.valence, min: 1, max: 9)] += 1
        }
        return Density(arousal: Extent(min: 1, max: 9), valence: Extent(min: 1, max: 9), size: binCount, grid: grid)
    }
}
