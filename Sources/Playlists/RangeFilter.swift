import TrackStore

/// The query's range filters and the one descriptor value each tests, so the filter, the collection's
/// ranges and its histograms all read the same estimate (the BPM filter reads the fused shown tempo).
public enum RangeFilter: String, CaseIterable, Sendable {
    case bpm, dance, arousal, valence, loudness

    public func value(of descriptors: TrackDescriptors) -> Double? {
        value(shown: descriptors.shown, musicnn: descriptors.musicnn, signal: descriptors.signal)
    }

    /// The same from the groups the filters read, for callers that must not copy whole descriptors.
    func value(shown: ShownDescriptors?, musicnn: MusicnnFeatures?, signal: SignalFeatures?) -> Double? {
        switch self {
        case .bpm: return shown?.bpm
        case .dance: return shown?.danceability
        case .arousal: return musicnn?.arousal
        case .valence: return musicnn?.valence
        case .loudness: return signal?.loudnessLufs
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
