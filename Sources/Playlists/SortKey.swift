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

    enum Value: Comparable {
        case number(Double)
        case text(String)
    }

    /// nil when the track lacks the descriptor; such tracks sort last in either order.
    func value(of entry: PlaylistEntry) -> Value? {
        let descriptors = entry.descriptors
        switch self {
        case .style: return entry.styleScore.map(Value.number)
        case .name: return .text(entry.track.displayName.lowercased())
        case .bpm: return descriptors.shown?.bpm.map(Value.number)
        case .tempocnn: return descriptors.tempoCNN.map { .number($0.bpm) }
        case .dance: return descriptors.shown?.danceability.map(Value.number)
        case .voice: return descriptors.effnet.map { .number($0.voice) }
        case .arousal: return descriptors.musicnn.map { .number($0.arousal) }
        case .valence: return descriptors.musicnn.map { .number($0.valence) }
        case .loudness: return descriptors.signal?.loudnessLufs.map(Value.number)
        case .keyStrength: return entry.key.map { .number($0.strength) }
        case .duration: return entry.track.duration.map(Value.number)
        }
    }
}
