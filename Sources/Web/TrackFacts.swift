import Playlists
import TrackStore

/// One track's own descriptors as the similar page shows them, formatted like the playlist table's columns.
struct TrackFacts {
    struct Fact {
        let label: String
        let value: String
    }

    static let styleCount = 3
    /// Weaker activations say the style is absent rather than faint, so they are not listed.
    static let styleThreshold: Float = 0.1

    let facts: [Fact]
    /// The strongest style activations, strongest first.
    let styles: [Fact]

    init(_ track: TrackDescriptors, styleLabels: [String]) {
        let shown = track.shown, number = PlaylistColumn.number
        facts = [
            Fact(label: "BPM", value: number(shown?.bpm, 1)
                    + (shown?.bpmAlternative.map { " (or \(number($0, 1)): octave uncertain)" } ?? "")),
            Fact(label: "Key", value: shown?.keyEstimate.map { "\($0.key) \($0.scale)" } ?? "–"),
            Fact(label: "Danceability", value: number(shown?.danceability, 2)),
            Fact(label: "Voice", value: number(track.effnet?.voice, 2)),
            Fact(label: "Arousal", value: number(track.musicnn?.arousal, 1)),
            Fact(label: "Valence", value: number(track.musicnn?.valence, 1)),
            Fact(label: "Loudness (LUFS)", value: number(track.signal?.loudnessLufs, 1)),
        ]
        let activations = track.effnet?.styles.values ?? []
        styles = activations.indices.filter { $0 < styleLabels.count && activations[$0] >= Self.styleThreshold }
            .sorted { activations[$0] > activations[$1] }.prefix(Self.styleCount)
            .map { Fact(label: styleLabels[$0], value: number(Double(activations[$0]), 2)) }
    }
}
