import Foundation
import Playlists
import Similarity
import TrackStore

// similarity-bench fill DB            fill a scanned store with synthetic descriptors
// similarity-bench current DB [TRUTH] measure Sources/Similarity; TRUTH: ground truth to compute recall@10 against
// similarity-bench baseline DB TRUTH  measure the pre-Similarity index, writing its top-10 lists (brute force) to TRUTH
// similarity-bench load DB            measure only the start-up read and the filters (for 10^6 tracks, where
//                                     the exact index of `current` would need 10 GB)
let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fatalError("usage: similarity-bench fill|current|baseline|load DB [TRUTH]") }
let store = try TrackStore(path: arguments[2])
let queries = 200, pathPairs = 50

func say(_ line: String) {
    print(line)
    fflush(stdout)
}

switch arguments[1] {
case "fill":
    let (_, time) = try seconds { try SyntheticCollection.fill(store) }
    say(String(format: "filled in %.1f s", time))
case "baseline":
    // The old start-up: every descriptor through Codable and dictionaries, then both kinds' embeddings into Swift arrays.
    let (collection, descriptorTime) = try seconds { try BaselineCollection(store: store) }
    say(String(format: "baseline descriptors: %.2f s", descriptorTime))
    var indexes: [EmbeddingKind: BaselineIndex] = [:], startup = descriptorTime
    for kind in EmbeddingKind.allCases {
        let (embeddings, read) = try seconds { try store.embeddings(kind) }
        let (index, build) = seconds { BaselineIndex(embeddings: embeddings) }
        indexes[kind] = index
        startup += read + build
        say(String(format: "baseline \(kind.rawValue) index: read from SQLite %.2f s, build %.2f s", read, build))
    }
    let rss = memory()
    say(String(format: "baseline start-up %.2f s, RSS %.0f MiB (peak %.0f MiB)", startup, rss.rss, rss.peak))
    let ids = collection.items.map { $0.track.id! }
    let labels = try store.styleLabels()
    for (name, filter) in benchFilters(styleLabels: labels) {
        let styleIndices = filter.styles.compactMap { labels.firstIndex(of: $0) }
        say("baseline filter \(name): \(latencies(Array(0..<20)) { _ in _ = collection.accepted(filter, styleIndices: styleIndices) })")
    }
    var truth = ""
    for kind in EmbeddingKind.allCases {
        let index = indexes[kind]!
        let top = latencies(queryIds(ids, count: queries)) { id in
            let found = index.nearest(to: id, count: 10)!
            truth += "\(kind.rawValue)\t\(id)\t\(found.map { String($0.trackId) }.joined(separator: ","))\n"
        }
        say("baseline \(kind.rawValue) top-10: \(top)")
        // The old way to filter: rank everything, then keep what passes.
        let filtered = latencies(queryIds(ids, count: queries)) { id in
            let pass = collection.accepted(benchFilter, styleIndices: [])
            _ = index.nearest(to: id, count: ids.count)!.lazy.filter { pass.contains($0.trackId) }.prefix(10).map(\.trackId)
        }
        say("baseline \(kind.rawValue) similar+filters: \(filtered)")
    }
    try truth.write(toFile: arguments[3], atomically: true, encoding: .utf8)
case "load":
    let (descriptors, descriptorTime) = try seconds { try store.descriptors(evidence: false) }
    var rss = memory()
    say(String(format: "descriptors of %d tracks: %.2f s, RSS %.0f MiB", descriptors.count, descriptorTime, rss.rss))
    let (engine, engineTime) = try seconds { PlaylistEngine(tracks: descriptors, styleLabels: try store.styleLabels()) }
    rss = memory()
    say(String(format: "playlist engine (filter columns): %.2f s, RSS %.0f MiB", engineTime, rss.rss))
    for (name, filter) in benchFilters(styleLabels: engine.styleLabels) {
        var matched = 0
        let timing = try latencies(Array(0..<20)) { _ in matched = try engine.matchingRows(filter).count }
        say("filter \(name): \(matched) tracks pass, \(timing)")
    }
    for kind in EmbeddingKind.allCases {
        let (matrix, read) = try seconds { try store.embeddingMatrix(kind) }
        rss = memory()
        say(String(format: "\(kind.rawValue) embedding matrix (%d × %d): read %.2f s, RSS %.0f MiB (peak %.0f MiB)",
                   matrix.count, matrix.dimension, read, rss.rss, rss.peak))
    }
    let (_, startup) = try seconds { try Catalog.load(from: store, embeddings: [.musicnn]) }
    rss = memory()
    say(String(format: "Catalog.load with the exact MusiCNN index: %.2f s, RSS %.0f MiB (peak %.0f MiB)", startup, rss.rss, rss.peak))
case "current":
    let (catalog, startup) = try seconds { try Catalog.load(from: store) }
    let rss = memory()
    say(String(format: "start-up (Catalog.load, both embeddings) %.2f s, RSS %.0f MiB (peak %.0f MiB)", startup, rss.rss, rss.peak))
    let ids = catalog.playlists.tracks.map { $0.track.id! }
    for (name, filter) in benchFilters(styleLabels: catalog.playlists.styleLabels) {
        var matched = 0
        let timing = try latencies(Array(0..<20)) { _ in matched = try catalog.playlists.matchingRows(filter).count }
        say("filter \(name): \(matched) tracks pass, \(timing)")
    }
    var truth: [String: [Int64]] = [:]
    if arguments.count > 3 {
        for line in try String(contentsOfFile: arguments[3], encoding: .utf8).split(separator: "\n") {
            let fields = line.split(separator: "\t")
            truth["\(fields[0])\t\(fields[1])"] = fields[2].split(separator: ",").map { Int64($0)! }
        }
    }
    for kind in EmbeddingKind.allCases {
        let (matrix, read) = try seconds { try store.embeddingMatrix(kind) }
        let (_, build) = seconds { SimilarityIndex(ids: matrix.ids, dimension: matrix.dimension, values: matrix.values) }
        say(String(format: "\(kind.rawValue) index: read from SQLite %.2f s, build %.2f s", read, build))
        var hits = 0, expected = 0
        let top = try latencies(queryIds(ids, count: queries)) { id in
            let found = try catalog.similar(to: catalog.track(id: id)!, by: kind, count: 10).map { $0.track.id! }
            if let exact = truth["\(kind.rawValue)\t\(id)"] {
                hits += Set(found).intersection(exact).count
                expected += exact.count
            }
        }
        let recall = expected == 0 ? "exact search (no ground truth file)" : String(format: "%.4f", Double(hits) / Double(expected))
        say("\(kind.rawValue) top-10: \(top), recall@10 \(recall)")
        let filtered = try latencies(queryIds(ids, count: queries)) { id in
            _ = try catalog.similar(seeds: [catalog.track(id: id)!], by: kind, count: 10, filter: benchFilter)
        }
        say("\(kind.rawValue) similar+filters: \(filtered)")
        let pairs = Array(zip(queryIds(ids, count: pathPairs * 2).prefix(pathPairs), queryIds(ids, count: pathPairs * 2).suffix(pathPairs)))
            .filter { $0 != $1 }
        for method in PathMethod.allCases {
            var largest = 0.0, mean = 0.0, progress = 0.0
            let timing = try latencies(pairs) { pair in
                let path = try catalog.path(from: catalog.track(id: pair.0)!, to: catalog.track(id: pair.1)!, length: 12,
                                            by: kind, method: method)
                largest += path.smoothness.largestStep
                mean += path.smoothness.meanStep
                progress += path.smoothness.progress
            }
            let n = Double(pairs.count)
            say(String(format: "\(kind.rawValue) 12-step path (\(method.rawValue), \(pairs.count) pairs): \(timing); mean over pairs: largest step %.1f°, mean step %.1f°, progress %.0f%%",
                       largest / n, mean / n, progress / n * 100))
        }
    }
default:
    fatalError("unknown mode \(arguments[1])")
}
