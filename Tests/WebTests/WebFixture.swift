import Foundation
import TestSupport
import TrackStore

/// A store of twelve tracks pointing at real audio: three copies with awkward file names (spaces,
/// non-ASCII, `<script>`) in the test's folder, the rest straight from the shared fixtures.
/// Embeddings are unit vectors at known angles, so neighbour order is known in advance.
struct WebFixture {
    let store: TrackStore
    /// Track ids by the short names below.
    let ids: [String: Int64]

    struct Spec {
        let name: String
        let source: String
        var copyAs: String?
        var artist: String?
        var title: String?
        let bpm: Double
        let style: String
        let voice: Double
        let dance: Double
        /// Angles of the EffNet and MusiCNN embeddings: seen from `vibe`, EffNet ranks the tracks in
        /// list order and MusiCNN in reverse.
        let angle: Double
        var musicnnAngle: Double { angle == 0 ? 0 : 120 - angle }
    }

    static let specs: [Spec] = [
        Spec(name: "vibe", source: "librosa-data/jazz/kevin_macleod_vibe_ace.mp3", copyAs: "Vibe Ace – Kevin MacLeod.mp3",
             artist: "Kevin MacLeod", title: "Vibe Ace", bpm: 118, style: "Jazz---Bop", voice: 0.1, dance: 0.6, angle: 0),
        Spec(name: "unicode", source: "cc0-beats/2024-feb/boom_hit.mp3", copyAs: "Ünïcödé 日本 beat.mp3",
             bpm: 124, style: "Electronic---House", voice: 0.2, dance: 0.85, angle: 10),
        Spec(name: "script", source: "bad/half_second_clip.wav", copyAs: "<script>alert(1).wav",
             bpm: 126, style: "Electronic---House", voice: 0.3, dance: 0.75, angle: 20),
        Spec(name: "tagged", source: "cc0-beats/2024-feb/boom_pipes.mp3", artist: "<img src=x onerror=alert(2)>",
             title: "Pipes & \"Drums\"", bpm: 90, style: "Hip Hop---Boom Bap", voice: 0.4, dance: 0.8, angle: 30),
        Spec(name: "dnb", source: "librosa-data/electronic/admiralbob77_choice_drum_and_bass.wav",
             bpm: 174, style: "Electronic---Drum n Bass", voice: 0.05, dance: 0.7, angle: 40),
        Spec(name: "song", source: "drmeter/vocal/csd_en001b_childrens_song.mp3", bpm: 96, style: "Filler---Style 10",
             voice: 0.95, dance: 0.3, angle: 50),
        Spec(name: "ragtime", source: "librosa-data/ragtime/lena_orsa_pistachio_ice_cream_ragtime.mp3", bpm: 100,
             style: "Jazz---Bop", voice: 0.1, dance: 0.5, angle: 60),
        Spec(name: "voxel", source: "unnamed-cloud-music-player/electronic/kevin_macleod_voxel_revolution.flac", bpm: 128,
             style: "Electronic---Techno", voice: 0.15, dance: 0.9, angle: 70),
        Spec(name: "funk", source: "unnamed-cloud-music-player/funk/kevin_macleod_i_got_a_stick_arr_bryan_teoh.mp3",
             bpm: 110, style: "Filler---Style 20", voice: 0.2, dance: 0.8, angle: 80),
        Spec(name: "galway", source: "audeering-audiofile/folk/kevin_macleod_galway_alac.m4a", bpm: 140,
             style: "Filler---Style 30", voice: 0.1, dance: 0.4, angle: 90),
        Spec(name: "fishin", source: "librosa-data/folk/karissa_hobbs_lets_go_fishin.ogg", bpm: 105,
             style: "Filler---Style 30", voice: 0.8, dance: 0.45, angle: 100),
        Spec(name: "danse", source: "oramics-sampled/classical/kevin_macleod_danse_macabre_finale.mp3", bpm: 150,
             style: "Filler---Style 40", voice: 0.05, dance: 0.2, angle: 110),
    ]

    static func make(in directory: URL) throws -> WebFixture {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("store.sqlite").path)
        try builder.saveStyleLabels()
        var ids: [String: Int64] = [:]
        for (index, spec) in specs.enumerated() {
            let source = Fixtures.audio.appendingPathComponent(spec.source)
            var path = source.path
            if let copyAs = spec.copyAs {
                path = directory.appendingPathComponent(copyAs).path
                try FileManager.default.copyItem(atPath: source.path, toPath: path)
            }
            // Keys, loudness and emotion only vary so pages look like a collection; no test relies on them.
            let key = KeyEstimate(key: circleOfFifths[index % 12], scale: index.isMultiple(of: 3) ? "minor" : "major",
                                  strength: 0.5 + Double(index) / 30)
            ids[spec.name] = try builder.addTrack(
                path: path, duration: 60 + spec.bpm, artist: spec.artist, title: spec.title, bpm: spec.bpm, key: key,
                loudness: -6 - Double(index) * 1.5, styles: StyleFixture.activations([spec.style: 0.8]),
                voice: spec.voice, danceability: spec.dance, effnetEmbedding: direction(spec.angle),
                musicnnEmbedding: direction(spec.musicnnAngle), valence: 8 - Double(index) * 0.5,
                arousal: 2 + Double(index) * 0.6)
        }
        return WebFixture(store: builder.store, ids: ids)
    }

    private static let circleOfFifths = ["C", "G", "D", "A", "E", "B", "F#", "C#", "Ab", "Eb", "Bb", "F"]

    static func direction(_ degrees: Double) -> [Float] {
        [Float(cos(degrees * .pi / 180)), Float(sin(degrees * .pi / 180)), 0.25]
    }

    func path(_ name: String) throws -> String {
        try store.track(id: ids[name]!)!.path
    }
}
