import TrackStore

/// Integrated loudness (EBU R128, LUFS) and loudness range (LU) against common delivery targets.
public struct LoudnessSummary: Sendable {
    public struct Target: Sendable, Equatable {
        public var lufs: Double
        public var name: String
    }

    public static let targets = [
        Target(lufs: -14, name: "−14 LUFS streaming (Spotify, YouTube, Tidal)"),
        Target(lufs: -16, name: "−16 LUFS Apple Music"),
        Target(lufs: -23, name: "−23 LUFS EBU R128 broadcast"),
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
