import ArgumentParser
import Foundation
import Playlists

struct PlaylistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playlist",
        abstract: "List the tracks matching descriptor filters, optionally as an M3U8 playlist.",
        discussion: """
            Ranges are written 120-128, 0.6- (at least) or -0.3 (at most); negative bounds keep their sign: --loudness -20--8. Filters combine with AND; the same query works in `tonearm serve` as URL parameters of the same names.

            Example: tonearm playlist --style "Electronic---House" --bpm 120-128 --voice instrumental --dance 0.6- -n 50 -o house.m3u8
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

    func run() throws {
        let options: [(PlaylistParameter, String?)] = [(.sort, sort), (.order, order), (.limit, limit)]
        let parameters = filters.parameters + options.compactMap { parameter, value in value.map { (parameter.rawValue, $0) } }
        let query = try PlaylistQuery(parameters: parameters)
        let catalog = try Catalog.load(from: store.openExisting(), embeddings: [])
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
}
