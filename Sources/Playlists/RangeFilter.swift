import TrackStore

/// The query's range filters and the one descriptor value each tests, so the filter, the collection's
/// ranges and its histograms all read the same estimate (the BPM filter reads the fused shown tempo).
public enum RangeFilter: String, CaseIterable, Sendable {
    case bpm, dance, arousal, valence, loudness

    public func value(of descriptors: TrackDescriptors) -> Double? {
        switch self {
        case .bpm: return descriptors.shown?.bpm
        case .dance: return descriptors.shown?.danceability
        case .arousal: return descriptors.musicnn?.arousal
        case .valence: return descriptors.musicnn?.valence
        case .loudness: return descriptors.signal?.loudnessLufs
        }
    }

    public func range(in query: PlaylistQuery) -> ValueRange? {
        switch self {
        case .bpm: return query.bpm
        case .dance: return query.danceability
        case .arousal: return query.arousal
        case .valence: return query.valence
        case .loudness: return query.loudness
        }
    }
}
