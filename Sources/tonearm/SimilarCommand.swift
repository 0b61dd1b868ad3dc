import ArgumentParser
import Foundation
import Playlists
import TrackStore

extension EmbeddingKind: ExpressibleByArgument {}

struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "List the tracks nearest to one or several seed tracks by cosine similarity of a mean embedding.",
        discussion: """
            Several seeds (tracks, --album, --artist) are combined as the mean of their unit vectors; each --not track pulls the mix away from it. The playlist filters (--bpm, --voice, --style, …) narrow the neighbours before the cut: the result is the n nearest tracks that pass.

            Example: tonearm similar a.mp3 b.mp3 --not c.mp3 --bpm 120-130 --voice instrumental -n 20 -o mix.m3u8
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "Seed tracks: ids or paths.")
    var tracks: [String] = []
    @Option(name: .customLong("not"), help: "A track (id or path) the mix should be unlike; repeatable.")
    var negatives: [String] = []
    @Option(help: "Every track with this album tag (case-insensitive) is a seed; repeatable.")
    var album: [String] = []
    @Option(help: "Every track with this artist tag (case-insensitive) is a seed; repeatable.")
    var artist: [String] = []
    @Option(help: "Which embedding: effnet (Discogs-EffNet) or musicnn (MSD-MusiCNN).")
    var by: EmbeddingKind = .effnet
    @Option(name: .customShort("n"), help: "How many neighbours.")
    var count = 10
    @Option(help: "At most this many tracks of one artist tag (0: no limit); untagged tracks are never capped.")
    var maxPerArtist = 3
    @OptionGroup var filters: PlaylistFilterOptions
    @Option(name: .shortAndLong, help: "Write the neighbours as an extended M3U8 playlist to this file.")
    var output: String?

    func validate() throws {
        guard count > 0 else { throw ValidationError("-n must be positive") }
        guard maxPerArtist >= 0 else { throw ValidationError("--max-per-artist must be 0 or more") }
        guard !(tracks.isEmpty && album.isEmpty && artist.isEmpty) else {
            throw ValidationError("name at least one seed: a track, --album or --artist")
        }
    }

    func run() throws {
        let filter = try PlaylistQuery(parameters: filters.parameters)
        let catalog = try Catalog.load(from: store.openExisting(), embeddings: [by])
        let seeds = try tracks.map(catalog.resolve) + tagged(album, catalog.tracks(album:), "album")
            + tagged(artist, catalog.tracks(artist:), "artist")
        let away = try negatives.map(catalog.resolve)
        let neighbours = try catalog.similar(seeds: seeds, negatives: away, by: by, count: count,
                                             filter: filters.parameters.isEmpty ? nil : filter,
                                             maxPerArtist: maxPerArtist == 0 ? nil : maxPerArtist)
        print("Nearest to \(Self.describe(seeds))\(away.isEmpty ? "" : ", away from \(Self.describe(away))") by \(by.rawValue):")
        let rows = neighbours.enumerated().map { index, neighbour in
            ["\(index + 1)", PlaylistColumn.number(neighbour.score, digits: 3), neighbour.track.displayName, neighbour.track.path]
        }
        print(TextTable.render(headers: ["#", "Cosine", "Track", "Path"], rows: rows))
        if let output {
            try PlaylistFile.write(neighbours.map(\.track), to: output)
        }
    }

    private func tagged(_ names: [String], _ lookup: (String) -> [Track], _ tag: String) throws -> [Track] {
        try names.flatMap { name in
            let found = lookup(name)
            guard !found.isEmpty else { throw UserError("no analyzed track has the \(tag) tag '\(name)'") }
            return found
        }
    }

    private static func describe(_ tracks: [Track]) -> String {
        if tracks.count == 1 { return "\(tracks[0].displayName) (\(tracks[0].path))" }
        let names = tracks.prefix(5).map(\.displayName).joined(separator: ", ")
        return tracks.count > 5 ? "\(names) and \(tracks.count - 5) more" : names
    }
}
