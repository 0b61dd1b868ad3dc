import TrackStore

/// The descriptors a playlist can be sorted by; raw values are the `sort` parameter's values.
public enum SortKey: String, CaseIterable, Sendable {
    case style, name, bpm, tempocnn, dance, voice, arousal, valence, loudness
    case keyStrength = "key-strength"
    case duration

    public var label: String {
        switch self {
        case .style: return "style activation"
        case .name: return "name"
        case .bpm: return "BPM (shown)"
        case .tempocnn: return "BPM (TempoCNN)"
        case .dance: return "danceability (shown)"
        case .voice: return "voice"
        case .arousal: return "arousal"
        case .valence: return "valence"
        case .loudness: return "loudness"
        case .keyStrength: return "key strength"
        case .duration: return "duration"
        }
    }

    /// Style activation reads best strongest first; everything else from the low end.
    var defaultOrder: SortOrder { self == .style ? .descending : .ascending }
}
