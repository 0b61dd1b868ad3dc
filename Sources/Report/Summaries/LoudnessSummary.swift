import TrackStore

/// Integrated loudness (EBU R128, LUFS) and loudness range (LU) against common delivery targets.
public struct LoudnessSummary: Sendable {
    public struct Target: Sendable, Equatable {
        public var lufs: Double
        /// Short enough to run beside the line on the chart.
        public var label: String
        public var use: String
    }

    public static let targets = [
        Target(lufs: -14, label: "−14 LUFS streaming", use: "Spotify, YouTube and Tidal normalize playback to it"),
        Target(lufs: -16, label: "−16 LUFS Apple Music", use: "Sound Check's level"),
        Target(lufs: -23, label: "−23 LUFS EBU R128", use: "European broadcast delivery"),
    ]

    /// Tracks with signal descriptors.
    public var trackCount: Int
    /// Tracks of digital silence, whose integrated loudness is undefined.
    public var silent: Int
    public var loudness: Histogram
    public var loudnessRange: Histogram
    public var medianLufs: Double?
    public var medianRangeLu: Double?
    /// Tracks louder than the streaming target: services will turn them down.
    public var louderThanStreaming: Int

    public init(_ data: ReportData) {
        let signals = data.tracks.compactMap(\.signal)
        trackCount = signals.count
        let lufs = signals.compactMap(\.loudnessLufs)
        let ranges = signals.compactMap(\.loudnessRangeLu)
        silent = signals.count - lufs.count
        loudness = Histogram(values: lufs, binWidth: 1, including: Self.targets.map(\.lufs))
        loudnessRange = Histogram(values: ranges, binWidth: 1, including: [0])
        medianLufs = lufs.median
        medianRangeLu = ranges.median
        louderThanStreaming = lufs.filter { $0 > Self.targets[0].lufs }.count
    }
}
