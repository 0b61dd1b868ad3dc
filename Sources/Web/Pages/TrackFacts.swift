import Playlists
import TrackStore

/// One track's own descriptors as the similar page shows them, formatted like the playlist table's columns.
struct TrackFacts {
    struct Fact {
        let label: String
        let value: String
        /// Said beside the value when it comes from a fallback or an unofficial model file.
        var note: String? = nil
    }

    static let styleCount = 3

    let facts: [Fact]
    /// The strongest style activations, strongest first.
    let styles: [Fact]
    /// Said beside the styles when the EffNet file was not the official one.
    let stylesNote: String?

    init(_ track: TrackDescriptors, styleLabels: [String]) {
        let shown = track.shown, number = PlaylistColumn.number
        facts = [
            Fact(label: "BPM", value: number(shown?.bpm, 1)
                    + (shown?.bpmAlternative.map { " (or \(number($0, 1)): octave uncertain)" } ?? "")),
            Fact(label: "Key", value: shown?.keyEstimate.map { "\($0.key) \($0.scale)" } ?? "–"),
            Fact(label: "Danceability", value: number(shown?.danceability, 2), note: ValueNotes.danceability(track)),
            Fact(label: "Voice", value: number(track.effnet?.voice, 2), note: ValueNotes.unofficial(track.effnet?.provenance)),
            Fact(label: "Arousal", value: number(track.musicnn?.arousal, 1), note: ValueNotes.unofficial(track.musicnn?.provenance)),
            Fact(label: "Valence", value: number(track.musicnn?.valence, 1), note: ValueNotes.unofficial(track.musicnn?.provenance)),
            Fact(label: "Loudness (LUFS)", value: number(track.signal?.loudnessLufs, 1)),
        ]
        stylesNote = ValueNotes.unofficial(track.effnet?.provenance)
        let activations = track.effnet?.styles.values ?? []
        styles = activations.indices.filter { $0 < styleLabels.count && Double(activations[$0]) >= StyleLabel.presenceThreshold }
            .sorted { activations[$0] > activations[$1] }.prefix(Self.styleCount)
            .map { Fact(label: styleLabels[$0], value: number(Double(activations[$0]), 2)) }
    }
}
