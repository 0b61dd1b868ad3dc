import Models
import TrackStore

/// Notes shown beside descriptor values that do not come from the official models: a DSP fallback for
/// danceability (no EffNet head), or a model file whose sha256 is not the official one (e.g. a stand-in).
struct ValueNotes {
    static let dspDanceability = "DSP fallback: Essentia's Danceability / 3, not the EffNet head"

    /// The unofficial model names behind a group's values of one track, or nil when the file is official.
    static func unofficial(_ provenance: String?) -> String? {
        guard let provenance else { return nil }
        let models = Provenance.unverifiedModels(in: provenance)
        return models.isEmpty ? nil : "not the official model file (\(models.joined(separator: ", ")))"
    }

    static func danceability(_ track: TrackDescriptors) -> String? {
        if track.shown?.danceabilitySource == "dsp" { return dspDanceability }
        return unofficial(track.effnet?.provenance)
    }

    /// One line per kind of note over a list's tracks, with how many of them it concerns.
    static func lines(_ tracks: [TrackDescriptors]) -> [String] {
        guard !tracks.isEmpty else { return [] }
        var lines: [String] = []
        let dsp = tracks.filter { $0.shown?.danceabilitySource == "dsp" }.count
        if dsp > 0 { lines.append("Dance on \(dsp) of these \(tracks.count) tracks: \(dspDanceability).") }
        let effnet = tracks.filter { unofficial($0.effnet?.provenance) != nil }.count
        if effnet > 0 {
            lines.append("Styles, voice and dance on \(effnet) of these tracks: computed with an EffNet file that is not the official one.")
        }
        let musicnn = tracks.filter { unofficial($0.musicnn?.provenance) != nil }.count
        if musicnn > 0 {
            lines.append("Arousal and valence on \(musicnn) of these tracks: computed with a MusiCNN file that is not the official one.")
        }
        return lines
    }
}
