import Foundation
import GRDB

/// Group `evidence`: cheap extra tempo and key estimates, stored raw; the shown tempo and key are
/// fused from them (`ShownDescriptors`).
public struct EvidenceFeatures: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = AnalysisGroup.evidence.tableName

    public var trackId: Int64
    /// PercivalBpmEstimator (Percival & Tzanetakis 2014); 0 for digital silence.
    public var percivalBpm: Double
    /// Essentia's DSP `Danceability` (detrended fluctuation analysis), on [0, 3].
    public var danceabilityDsp: Double
    /// 60 / the median of RhythmExtractor2013's beat intervals.
    public var beatMedianBpm: Double
    /// The two highest peaks of RhythmExtractor2013's beat-interval histogram (BpmHistogramDescriptors).
    public var beatPeak1Bpm: Double
    public var beatPeak1Weight: Double
    public var beatPeak2Bpm: Double
    public var beatPeak2Weight: Double
    /// Essentia's TuningFrequency over the key-analysis spectral peaks, in Hz.
    public var tuningHz: Double
    /// More key profiles on KeyExtractor's 12-bin HPCP at 440 Hz (bgate, shaath, noland, edmm, temperley2005).
    public var keys: [String: KeyEstimate]
    /// Every profile again on a 36-bin HPCP referenced to `tuningHz`.
    public var tunedKeys: [String: KeyEstimate]
    public var provenance: String

    /// The worker's profile names, as `keys` holds them (`tunedKeys` under `tuned-<name>`).
    public static let extraProfiles = ["bgate", "shaath", "noland", "edmm", "temperley2005"]
    public static let tunedProfiles = KeyProfile.allCases.map(\.rawValue) + extraProfiles
    /// Every key estimate of the group by one name: `bgate` … and `tuned-krumhansl` ….
    public static let keyNames = extraProfiles + tunedProfiles.map { "tuned-" + $0 }

    public func key(_ name: String) -> KeyEstimate? {
        name.hasPrefix("tuned-") ? tunedKeys[String(name.dropFirst("tuned-".count))] : keys[name]
    }

    public init(trackId: Int64, percivalBpm: Double, danceabilityDsp: Double, beatMedianBpm: Double,
                beatPeaks: [(bpm: Double, weight: Double)], tuningHz: Double, keys: [String: KeyEstimate],
                tunedKeys: [String: KeyEstimate], provenance: String) {
        self.trackId = trackId
        self.percivalBpm = percivalBpm
        self.danceabilityDsp = danceabilityDsp
        self.beatMedianBpm = beatMedianBpm
        let peaks = beatPeaks + Array(repeating: (bpm: 0.0, weight: 0.0), count: max(0, 2 - beatPeaks.count))
        (beatPeak1Bpm, beatPeak1Weight) = (peaks[0].bpm, peaks[0].weight)
        (beatPeak2Bpm, beatPeak2Weight) = (peaks[1].bpm, peaks[1].weight)
        self.tuningHz = tuningHz
        self.keys = keys
        self.tunedKeys = tunedKeys
        self.provenance = provenance
    }
}
