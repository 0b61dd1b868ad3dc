import Foundation
import GRDB

/// Group `evidence`: cheap extra tempo and key estimates, stored raw; the shown tempo and key are
/// fused from them (`ShownDescriptors`).
public struct EvidenceFeatures: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = AnalysisGroup.evidence.tableName

    public var trackId: Int64
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
    /// More key profiles on KeyExtractor's 12-bin HPCP at 440 Hz (bgate, shaath). Rows stored by
    /// evidence version 1 also hold noland, edmm and temperley2005 until the group is recomputed.
    public var keys: [String: KeyEstimate]
    public var provenance: String

    /// The worker's profile names, as `keys` holds them (see docs/tempo-and-key.md for why these two).
    public static let extraProfiles = ["bgate", "shaath"]
    /// Every key estimate of the group by one name.
    public static let keyNames = extraProfiles

    public func key(_ name: String) -> KeyEstimate? {
        keys[name]
    }

    public init(trackId: Int64, danceabilityDsp: Double, beatMedianBpm: Double,
                beatPeaks: [(bpm: Double, weight: Double)], tuningHz: Double, keys: [String: KeyEstimate],
                provenance: String) {
        self.trackId = trackId
        self.danceabilityDsp = danceabilityDsp
        self.beatMedianBpm = beatMedianBpm
        let peaks = beatPeaks + Array(repeating: (bpm: 0.0, weight: 0.0), count: max(0, 2 - beatPeaks.count))
        (beatPeak1Bpm, beatPeak1Weight) = (peaks[0].bpm, peaks[0].weight)
        (beatPeak2Bpm, beatPeak2Weight) = (peaks[1].bpm, peaks[1].weight)
        self.tuningHz = tuningHz
        self.keys = keys
        self.provenance = provenance
    }
}
