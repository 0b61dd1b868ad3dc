import ArgumentParser
import Foundation
import Playlists
import Similarity
import TrackStore

extension PathMethod: ExpressibleByArgument {}

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "A song path: n distinct tracks from one track to another, each step close to the last.",
        discussion: """
            slerp (default) takes the nearest unused track to evenly spaced points on the great circle between the two tracks' embeddings; walk steps greedily through nearest neighbours towards the end. The last line measures the path: largest and mean step (angle between consecutive tracks) and the share of steps that get closer to the end.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The first track: its id or its path.")
    var start: String
    @Argument(help: "The last track: its id or its path.")
    var end: String
    @Option(name: .customShort("n"), help: "How many tracks, both ends included.")
    var count = 12
    @Option(help: "Which embedding: effnet (Discogs-EffNet) or musicnn (MSD-MusiCNN).")
    var by: EmbeddingKind = .effnet
    @Option(help: "slerp or walk.")
    var method: PathMethod = .slerp
    @Option(name: .shortAndLong, help: "Write the path as an extended M3U8 playlist to this file.")
    var output: String?

    func validate() throws {
        guard count >= 2 else { throw ValidationError("-n must be at least 2") }
    }

    func run() throws {
        let catalog = try Catalog.load(from: store.openExisting(), embeddings: [by])
        let path = try catalog.path(from: catalog.resolve(start), to: catalog.resolve(end), length: count, by: by, method: method)
        print("Path from \(path.tracks.first!.displayName) to \(path.tracks.last!.displayName) by \(by.rawValue) (\(method.rawValue)):")
        let rows = path.tracks.enumerated().map { index, track in
            ["\(index + 1)", index == 0 ? "" : PlaylistColumn.number(path.stepCosines[index - 1], digits: 3), track.displayName, track.path]
        }
        print(TextTable.render(headers: ["#", "Step cosine", "Track", "Path"], rows: rows))
        print("smoothness: \(path.smoothness.description)")
        if let output {
            try PlaylistFile.write(path.tracks, to: output)
        }
    }
}
