/// The names a playlist query is written with, in URLs and as CLI flags alike.
public enum PlaylistParameter: String, CaseIterable, Sendable {
    /// Repeatable: a track matches when any of the named styles reaches `activation`.
    case style
    case activation
    case bpm
    /// "on": a track whose tempo octave is uncertain also matches `bpm` by its half or double tempo.
    case bpmOctaves = "bpm-octaves"
    case voice
    case dance
    case arousal
    case valence
    case key
    case scale
    case profile
    case loudness
    case sort
    case order
    case limit = "n"
}
