import Foundation
import TestSupport
import TrackStore

/// A store of ten tracks over real audio, with tags, one album of three, a cover.jpg beside one
/// file and the shared track with an embedded picture. EffNet embeddings are unit vectors at known
/// angles from "vibe", so the order of its neighbours is known in advance.
struct SubsonicFixture {
    let folder: URL
    let store: TrackStore
    let ids: [String: Int64]

    struct Spec {
        let name: String
        let source: String
        var artist: String?
        var title: String?
        let bpm: Double
        let style: String
        let angle: Double
    }

    /// In order of their angle from "vibe", so this is also vibe's neighbour order.
    static let specs: [Spec] = [
        Spec(name: "vibe", source: "librosa-data/jazz/kevin_macleod_vibe_ace.mp3", artist: "Kevin MacLeod", title: "Vibe Ace",
             bpm: 118, style: "Jazz---Bop", angle: 0),
        Spec(name: "tagged", source: "cc0-beats/2024-feb/boom_pipes.mp3", artist: "<img src=x onerror=alert(2)>",
             title: "Pipes & \"Drums\"", bpm: 90, style: "Hip Hop---Boom Bap", angle: 10),
        Spec(name: "dnb", source: "librosa-data/electronic/admiralbob77_choice_drum_and_bass.wav", bpm: 174,
             style: "Electronic---Drum n Bass", angle: 20),
        Spec(name: "song", source: "drmeter/vocal/csd_en001b_childrens_song.mp3", bpm: 96, style: "Filler---Style 10", angle: 30),
        Spec(name: "ragtime", source: "librosa-data/ragtime/lena_orsa_pistachio_ice_cream_ragtime.mp3", artist: "Kevin MacLeod",
             title: "Pistachio Ice Cream Ragtime", bpm: 100, style: "Jazz---Bop", angle: 40),
        Spec(name: "voxel", source: "unnamed-cloud-music-player/electronic/kevin_macleod_voxel_revolution.flac", bpm: 128,
             style: "Electronic---Techno", angle: 50),
        Spec(name: "funk", source: "unnamed-cloud-music-player/funk/kevin_macleod_i_got_a_stick_arr_bryan_teoh.mp3",
             artist: "Kevin MacLeod", title: "I Got a Stick", bpm: 110, style: "Filler---Style 20", angle: 60),
        Spec(name: "galway", source: "audeering-audiofile/folk/kevin_macleod_galway_alac.m4a", bpm: 140,
             style: "Filler---Style 30", angle: 70),
        Spec(name: "fishin", source: "librosa-data/folk/karissa_hobbs_lets_go_fishin.ogg", bpm: 105, style: "Filler---Style 30",
             angle: 80),
        Spec(name: "danse", source: "oramics-sampled/classical/kevin_macleod_danse_macabre_finale.mp3", artist: "Kevin MacLeod",
             title: "Danse Macabre", bpm: 150, style: "Filler---Style 40", angle: 110),
    ]

    /// The album "Vibe Sessions" by Kevin MacLeod, in track order.
    static let album = ["vibe", "ragtime", "funk"]
    static let albumName = "Vibe Sessions"
    static let albumArtist = "Kevin MacLeod"

    static func make(in folder: URL) throws -> SubsonicFixture {
        let builder = try StoreBuilder(path: folder.appendingPathComponent("store.sqlite").path)
        try builder.saveStyleLabels()
        let albumFolder = folder.appendingPathComponent("Vibe Sessions")
        try FileManager.default.createDirectory(at: albumFolder, withIntermediateDirectories: true)
        try makeCover(at: albumFolder.appendingPathComponent("cover.jpg"))
        var ids: [String: Int64] = [:]
        for spec in specs {
            var path = Fixtures.audio.appendingPathComponent(spec.source).path
            if spec.name == "vibe" {
                path = albumFolder.appendingPathComponent("01 Vibe Ace.mp3").path
                try ffmpeg(["-i", Fixtures.audio.appendingPathComponent(spec.source).path, "-c", "copy",
                            "-metadata", "lyrics-eng=\(lyrics)", path])
            }
            let radians = spec.angle * .pi / 180
            ids[spec.name] = try builder.addTrack(
                path: path, duration: 60 + spec.bpm, artist: spec.artist, title: spec.title, bpm: spec.bpm,
                styles: StyleFixture.activations([spec.style: 0.8]),
                effnetEmbedding: [Float(cos(radians)), Float(sin(radians)), 0.25], musicnnEmbedding: [1, 0, 0])
        }
        for (index, name) in album.enumerated() {
            try builder.store.dbPool.write { try $0.execute(sql: "UPDATE track SET album = ? WHERE id = ?", arguments: [albumName, ids[name]!]) }
            try builder.store.save(TrackTags(trackId: ids[name]!, trackNumber: index + 1, discNumber: 1,
                                             year: name == "vibe" ? 2019 : nil, genre: "Jazz", albumArtist: albumArtist, bitrate: 128,
                                             provenance: "test"))
        }
        return SubsonicFixture(folder: folder, store: builder.store, ids: ids)
    }

    /// Time-stamped (LRC) lyrics in vibe's ID3 tag, which getLyricsBySongId gives as synced lines.
    static let lyrics = "[00:01.00]Vibe\n[00:02.50]Ace"

    /// A 64×48 JPEG made by FFmpeg, so scaling to 32 must keep the aspect ratio (32×24).
    private static func makeCover(at url: URL) throws {
        try ffmpeg(["-f", "lavfi", "-i", "color=c=red:s=64x48", "-frames:v", "1", url.path])
    }

    private static func ffmpeg(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ffmpeg", "-nostdin", "-v", "error"] + arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func path(_ name: String) throws -> String {
        try store.track(id: ids[name]!)!.path
    }
}
