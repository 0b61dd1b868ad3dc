import ArgumentParser
import Foundation
import MPDRadio
import Playlists
import TrackStore

struct RadioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "radio",
        abstract: "Keep MPD playing: its queue is kept N tracks ahead with tracks similar to what it plays.",
        discussion: """
            Watches MPD (its idle protocol) and, while it plays, adds tracks similar to the last played ones, by path relative to MPD's music directory (--music-dir: that folder as tonearm's store knows it). The playlist filters narrow the choice; nothing is added twice while it runs, nothing while MPD is paused or stopped; it reconnects when MPD restarts. Stop it with Ctrl-C.

            Example: tonearm radio --mpd 127.0.0.1:6600 --music-dir ~/Music -n 5 --voice instrumental
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "MPD's HOST:PORT.")
    var mpd: String = "127.0.0.1:6600"
    @Option(help: "The folder that is MPD's music_directory (as the store's paths start).")
    var musicDir: String
    @Option(name: .customShort("n"), help: "How many tracks to keep queued after the playing one.")
    var ahead = 5
    @Option(help: "How many of the last played tracks seed the choice.")
    var seeds = 3
    @Option(help: "Which embedding: effnet or musicnn.")
    var by: EmbeddingKind = .effnet
    @Option(help: "At most this many tracks of one artist tag per addition (0: no limit).")
    var maxPerArtist = 2
    @OptionGroup var filters: PlaylistFilterOptions

    func validate() throws {
        guard ahead > 0, seeds > 0 else { throw ValidationError("-n and --seeds must be positive") }
        guard maxPerArtist >= 0 else { throw ValidationError("--max-per-artist must be 0 or more") }
    }

    func run() throws {
        guard let colon = mpd.lastIndex(of: ":"), let port = Int(mpd[mpd.index(after: colon)...]) else {
            throw UserError("--mpd takes HOST:PORT, not \(mpd)")
        }
        let filter = filters.parameters.isEmpty ? nil : try PlaylistQuery(parameters: filters.parameters)
        let catalog = try Catalog.load(from: store.openExisting(), embeddings: [by])
        let folder = URL(fileURLWithPath: musicDir).standardizedFileURL.resolvingSymlinksInPath().path
        let radio = Radio(catalog: catalog, options: Radio.Options(
            host: String(mpd[..<colon]), port: port, musicDirectory: folder, ahead: ahead, by: by, filter: filter,
            maxPerArtist: maxPerArtist == 0 ? nil : maxPerArtist, seeds: seeds)) { line in
            print(line)
            fflush(stdout)
        }
        radio.run()
    }
}
