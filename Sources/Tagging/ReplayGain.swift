import Foundation

/// ReplayGain 2.0 values from EBU R128 integrated loudness: the gain that brings a track (or an
/// album) to the −18 LUFS reference, and the peak as a linear sample value.
public enum ReplayGain {
    public static let referenceLUFS = -18.0

    public static func gain(loudness: Double) -> Double { referenceLUFS - loudness }

    /// "-3.21 dB", as REPLAYGAIN_*_GAIN is written.
    public static func gainText(_ gain: Double) -> String { String(format: "%.2f dB", gain) }

    /// "0.987654", as REPLAYGAIN_*_PEAK is written.
    public static func peakText(_ peak: Double) -> String { String(format: "%.6f", peak) }

    /// An album's loudness from its tracks': the duration-weighted mean of their energies
    /// (10^(L/10)), which is what measuring the album as one signal gives up to R128's gating.
    /// nil when no track has a loudness.
    public static func albumLoudness(_ tracks: [(loudness: Double, duration: Double)]) -> Double? {
        let weight = tracks.reduce(0) { $0 + max($1.duration, 0) }
        guard !tracks.isEmpty, weight > 0 else { return nil }
        let energy = tracks.reduce(0) { $0 + max($1.duration, 0) * pow(10, $1.loudness / 10) } / weight
        return 10 * log10(energy)
    }
}
