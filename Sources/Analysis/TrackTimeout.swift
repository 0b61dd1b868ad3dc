/// How long one track may take: `--timeout` (the base) per five minutes of audio, never less than the base.
/// Tracks over the worker's long-track threshold are analyzed from excerpts, so this is generous for them.
public enum TrackTimeout {
    public static let secondsPerBase = 300.0

    public static func limit(base: Double, duration: Double) -> Double {
        base * max(1, duration / secondsPerBase)
    }
}
