import ArgumentParser
import Foundation
import Playlists
import TrackStore

struct PlaylistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playlist",
        abstract: "List the tracks matching descriptor filters, optionally as an M3U8 playlist.",
        discussion: """
            Ranges are written 120-128, 0.6- (at least) or -0.3 (at most); negative bounds keep their sign: --loudness -20--8. Filters combine with AND; the same query works in `tonearm serve` as URL parameters of the same names.

            Example: tonearm playlist --style "Electronic---House" --bpm 120-128 --voice instrumental --dance 0.6- -n 50 -o house.m3u8

            --saved NAME runs a playlist saved on the web page ("Save playlist") against today's collection: the same tracks the page shows. It takes no filter, sort, order or -n flags (change the query on the page and save it again); -o still writes the file.
            """
    )

    @OptionGroup var store: StoreOptions

    @OptionGroup var filters: PlaylistFilterOptions
    @Option(help: "Sort by: \(SortKey.allCases.map(\.rawValue).joined(separator: ", ")).")
    var sort: String?
    @Option(help: "asc or desc (default: desc for style, asc otherwise).")
    var order: String?
    @Option(name: .customShort("n"), help: "At most this many tracks.")
    var limit: String?
    @Option(name: .shortAndLong, help: "Write the result as an extended M3U8 playlist to this file.")
    var output: String?
    @Option(help: "Run the smart playlist saved under this name in `tonearm serve`.")
    var saved: String?
    @Option(help: "Whose saved playlist --saved names: a user of `tonearm users` (default: the one saved without login, \"\(SmartPlaylists.localOwner)\").")
    var owner = SmartPlaylists.localOwner

    func validate() throws {
        let given = filters.parameters.map { "--\($0.0)" }
            + [("--sort", sort), ("--order", order), ("-n", limit)].compactMap { flag, value in value.map { _ in flag } }
        if saved != nil, let first = given.first {
            throw ValidationError("--saved runs the query as it was saved; it cannot be combined with \(first)")
        }
    }

    func run() throws {
        let trackStore = try store.openExisting()
        let query = try saved.map { try savedQuery($0, in: trackStore) } ?? flagQuery()
        let catalog = try Catalog.load(from: trackStore, embeddings: [])
        guard !catalog.isEmpty else {
            FileHandle.standardError.write(Data("playlist: the store has no analyzed tracks: run `tonearm analyze <music folder>` first\n".utf8))
            return
        }
        let result = try catalog.playlists.run(query)

        print("\(result.totalMatches) of \(catalog.playlists.tracks.count) tracks match (key: \(result.keySource))")
        let columns = PlaylistColumn.columns(showingStyle: !query.styles.isEmpty)
        let rows = result.entries.enumerated().map { index, entry in
            ["\(index + 1)"] + columns.map { $0.value(entry) } + [entry.track.displayName]
        }
        print(TextTable.render(headers: ["#"] + columns.map(\.header) + ["Track"], rows: rows))
        if let output {
            try PlaylistFile.write(result.entries.map(\.track), to: output)
        }
    }

    private func flagQuery() throws -> PlaylistQuery {
        let options: [(PlaylistParameter, String?)] = [(.sort, sort), (.order, order), (.limit, limit)]
        return try PlaylistQuery(parameters: filters.parameters + options.compactMap { parameter, value in value.map { (parameter.rawValue, $0) } })
    }

    private func savedQuery(_ name: String, in trackStore: TrackStore) throws -> PlaylistQuery {
        // The folder is not written here; any will do.
        let smart = SmartPlaylists(store: trackStore, folder: PlaylistFolder.beside(storePath: trackStore.path))
        do {
            return try smart.query(of: smart.smart(named: PlaylistName(name), owner: owner))
        } catch let error as SavedPlaylistError {
            throw UserError(error.description)
        }
    }
}
