import ArgumentParser
import Foundation
import Playlists
import TrackStore

extension EmbeddingKind: ExpressibleByArgument {}

struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "List the tracks nearest to one track by cosine similarity of a mean embedding."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The query track: its id or its path.")
    var track: String
    @Option(help: "Which embedding: effnet (Discogs-EffNet) or musicnn (MSD-MusiCNN).")
    var by: EmbeddingKind = .effnet
    @Option(name: .customShort("n"), help: "How many neighbours.")
    var count = 10
    @Option(name: .shortAndLong, help: "Write the neighbours as an extended M3U8 playlist to this file.")
    var output: String?

    func validate() throws {
        guard count > 0 else { throw ValidationError("-n must be positive") }
    }

    func run() throws {
        let catalog = try Catalog.load(from: store.openExisting(), embeddings: [by])
        let query = try catalog.resolve(track)
        let neighbours = try catalog.similar(to: query, by: by, count: count)
        print("Nearest to \(query.displayName) (\(query.path)) by \(by.rawValue):")
        let rows = neighbours.enumerated().map { index, neighbour in
            ["\(index + 1)", PlaylistColumn.number(neighbour.score, digits: 3), neighbour.track.displayName, neighbour.track.path]
        }
        print(TextTable.render(headers: ["#", "Cosine", "Track", "Path"], rows: rows))
        if let output {
            try PlaylistFile.write(neighbours.map(\.track), to: output)
        }
    }
}
