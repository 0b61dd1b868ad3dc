import ArgumentParser
import Playlists

/// The descriptor filters of a `PlaylistQuery` as flags, shared by `playlist` and `similar`.
struct PlaylistFilterOptions: ParsableArguments {
    @Option(help: "A Discogs style such as Electronic---House; repeat for any of several.")
    var style: [String] = []
    @Option(help: "Minimum activation of the chosen styles (default \(PlaylistQuery.defaultActivation)).")
    var activation: String?
    @Option(parsing: .unconditional, help: "Tempo range in BPM (the shown tempo, see docs/tempo-and-key.md).")
    var bpm: String?
    @Flag(help: "Also match --bpm by a track's half or double tempo where its tempo octave is uncertain.")
    var bpmOctaves = false
    @Option(help: "any, vocal or instrumental.")
    var voice: String?
    @Option(parsing: .unconditional, help: "Danceability range in [0, 1]: the EffNet head's probability, else DSP Danceability / 3.")
    var dance: String?
    @Option(parsing: .unconditional, help: "Arousal range in [1, 9].")
    var arousal: String?
    @Option(parsing: .unconditional, help: "Valence range in [1, 9].")
    var valence: String?
    @Option(help: "Key tonic: C, C#, D, Eb, E, F, F#, G, Ab, A, Bb or B.")
    var key: String?
    @Option(help: "major or minor.")
    var scale: String?
    @Option(help: "Key profile for --key/--scale: temperley, krumhansl or edma (default: the shown key, decided from the stored profiles).")
    var profile: String?
    @Option(parsing: .unconditional, help: "Integrated loudness range in LUFS.")
    var loudness: String?

    /// The flags given, as the name/value pairs `PlaylistQuery(parameters:)` reads.
    var parameters: [(String, String)] {
        let options: [(PlaylistParameter, String?)] = [
            (.activation, activation), (.bpm, bpm), (.bpmOctaves, bpmOctaves ? "on" : nil), (.voice, voice),
            (.dance, dance), (.arousal, arousal),
            (.valence, valence), (.key, key), (.scale, scale), (.profile, profile), (.loudness, loudness),
        ]
        return style.map { (PlaylistParameter.style.rawValue, $0) }
            + options.compactMap { parameter, value in value.map { (parameter.rawValue, $0) } }
    }
}
