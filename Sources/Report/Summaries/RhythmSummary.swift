import TrackStore

/// How fast and how danceable: the shown (fused) tempo, RhythmExtractor2013's agreement with TempoCNN,
/// and the shown danceability.
public struct RhythmSummary: Sendable {
    /// RhythmExtractor2013's confidence runs from 0 to 5.32; Essentia's documentation calls
    /// values below 1.5 low (and below 1 very low) confidence.
    public static let lowConfidence = 1.5
    /// Two tempi agree when their ratio is within 4 % of 1, or of 2 or ½ (an octave error).
    public static let tempoTolerance = 0.04
    /// The danceability head is a two-class softmax; 0.5 is its decision boundary.
    public static let danceableThreshold = 0.5

    public struct LowConfidenceTrack: Sendable, Equatable {
        public var track: Track
        public var bpm: Double
        public var confidence: Double
    }

    public struct TempoAgreement: Sendable, Equatable {
        /// Tracks with both estimates.
        public var compared = 0
        public var same = 0
        public var octave = 0
        public var differ: Int { compared - same - octave }
    }

    /// Tracks with a shown tempo; 0 BPM (digital silence) counts as no beat.
    public var tempoTracks: Int
    public var noBeat: Int
    public var tempo: Histogram
    public var medianBpm: Double?
    public var lowConfidenceTracks: [LowConfidenceTrack]
    public var tempoCNN = TempoAgreement()
    /// Tracks whose shown tempo is not RhythmExtractor2013's (beyond 4 %): the fusion chose another level or estimator.
    public var fusedElsewhere: Int
    /// Tracks whose tempo octave the decision is unsure of: their half or double tempo is about as likely.
    public var octaveUncertain: Int
    public var danceabilityTracks: Int
    /// Tracks whose shown danceability is DSP Danceability / 3 (no EffNet head).
    public var danceabilityFromDSP: Int
    public var danceability: Histogram
    public var danceable: Int

    public init(_ data: ReportData) {
        let signals = data.tracks.compactMap { track in track.signal.map { (track: track.track, signal: $0) } }
        let shown = data.tracks.compactMap { $0.shown?.bpm }
        let bpms = shown.filter { $0 > 0 }
        tempoTracks = bpms.count
        noBeat = shown.count - bpms.count
        fusedElsewhere = data.tracks.filter { track in
            guard let fused = track.shown?.bpm, let raw = track.signal?.bpm, raw > 0 else { return false }
            return abs(fused / raw - 1) > Self.tempoTolerance
        }.count
        octaveUncertain = data.tracks.filter { $0.shown?.bpmAlternative != nil }.count
        tempo = Histogram(values: bpms, binWidth: 5)
        medianBpm = bpms.median
        lowConfidenceTracks = signals.filter { $0.signal.bpmConfidence < Self.lowConfidence }.map {
            LowConfidenceTrack(track: $0.track, bpm: $0.signal.bpm, confidence: $0.signal.bpmConfidence)
        }
        for track in data.tracks {
            guard let signal = track.signal, let cnn = track.tempoCNN, signal.bpm > 0 else { continue }
            tempoCNN.compared += 1
            let ratio = cnn.bpm / signal.bpm
            func near(_ target: Double) -> Bool { abs(ratio / target - 1) <= Self.tempoTolerance }
            if near(1) {
                tempoCNN.same += 1
            } else if near(2) || near(0.5) {
                tempoCNN.octave += 1
            }
        }
        let danceabilities = data.tracks.compactMap { $0.shown?.danceability }
        danceabilityTracks = danceabilities.count
        danceabilityFromDSP = data.tracks.filter { $0.shown?.danceabilitySource == "dsp" }.count
        danceability = Histogram(values: danceabilities, binWidth: 0.1, domain: 0...1)
        danceable = danceabilities.filter { $0 >= Self.danceableThreshold }.count
    }
}
