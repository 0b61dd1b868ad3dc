import Foundation
import Playlists
import Similarity
import TrackStore

// similarity-bench fill DB            fill a scanned store with synthetic descriptors
// similarity-bench fill-names DB      the same names and descriptors without embeddings (search at 10^6: no index to build)
// similarity-bench build DB [KIND]    build both kinds' indexes (or KIND's) into a fresh cache beside DB, timed
// similarity-bench sweep DB           recall@10 and latency per HNSW breadth (ef), to choose it
// similarity-bench current DB [TRUTH] measure Sources/Similarity from the cache; TRUTH: the baseline's top-10 lists
// similarity-bench baseline DB TRUTH  measure the pre-Similarity index, writing its top-10 lists (brute force) to TRUTH
// similarity-bench startup DB         measure only the start-up from the cache (Catalog.load, both embeddings)
// similarity-bench load DB            measure only the start-up read and the filters (for 10^6 tracks, where
//                                     the exact index of `current` would need 10 GB)
let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fatalError("usage: similarity-bench fill|fill-names|build|sweep|current|startup|baseline|load DB [TRUTH]") }
let store = try TrackStore(path: arguments[2])
let queries = 200, pathPairs = 50

func startUp() throws -> Catalog {
    let (catalog, startup) = try seconds { try Catalog.load(from: store) }
    say(String(format: "start-up from the cache (Catalog.load, both embeddings) %.2f s, \(memory())", startup))
    return catalog
}

/// The similarity engine's own start-up, without the descriptors every caller reads: both kinds' indexes from the cache.
func indexesAlone() {
    let before = resident().total
    let (indexes, time) = seconds {
        EmbeddingKind.allCases.compactMap { SimilarityIndex.load(from: URL(fileURLWithPath: arguments[2] + ".similarity/\($0.rawValue)")) }
    }
    say(String(format: "indexes alone (both kinds, from the cache): start-up %.2f s, RSS +%.0f MiB (%d loaded)", time,
               resident().total - before, indexes.count))
}

func say(_ line: String) {
    print(line)
    fflush(stdout)
}

switch arguments[1] {
case "fill", "fill-names":
    let (_, time) = try seconds { try SyntheticCollection.fill(store, embeddings: arguments[1] == "fill") }
    say(String(format: "filled in %.1f s", time))
case "baseline":
    // The old start-up: every descriptor through Codable and dictionaries, then both kinds' embeddings into Swift arrays.
    let (collection, descriptorTime) = try seconds { try BaselineCollection(store: store) }
    say(String(format: "baseline descriptors: %.2f s", descriptorTime))
    var indexes: [EmbeddingKind: BaselineIndex] = [:], startup = descriptorTime
    let beforeIndexes = resident().total
    for kind in EmbeddingKind.allCases {
        let (embeddings, read) = try seconds { try store.embeddings(kind) }
        let (index, build) = seconds { BaselineIndex(embeddings: embeddings) }
        indexes[kind] = index
        startup += read + build
        say(String(format: "baseline \(kind.rawValue) index: read from SQLite %.2f s, build %.2f s", read, build))
    }
    say(String(format: "baseline indexes alone (both kinds): start-up %.2f s, RSS +%.0f MiB", startup - descriptorTime,
               resident().total - beforeIndexes))
    say(String(format: "baseline start-up %.2f s, \(memory())", startup))
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
    say(String(format: "descriptors of %d tracks: %.2f s, \(memory())", descriptors.count, descriptorTime))
    let (engine, engineTime) = try seconds { PlaylistEngine(tracks: descriptors, styleLabels: try store.styleLabels()) }
    say(String(format: "playlist engine (filter columns): %.2f s, \(memory())", engineTime))
    for (name, filter) in benchFilters(styleLabels: engine.styleLabels) {
        var matched = 0
        let timing = try latencies(Array(0..<20)) { _ in matched = try engine.matchingRows(filter).count }
        say("filter \(name): \(matched) tracks pass, \(timing)")
    }
    for kind in EmbeddingKind.allCases {
        let (matrix, read) = try seconds { try store.embeddingMatrix(kind) }
        say(String(format: "\(kind.rawValue) embedding matrix (%d × %d): read %.2f s, \(memory())",
                   matrix.count, matrix.dimension, read))
    }
    let (_, startup) = try seconds { try Catalog.load(from: store, embeddings: [.musicnn]) }
    say(String(format: "Catalog.load with the MusiCNN index: %.2f s, \(memory())", startup))
case "build":
    // Each kind's index from the store into a fresh cache: what the first start after analyze pays.
    let (_, descriptorTime) = try seconds { try store.descriptors() }
    for kind in arguments.count > 3 ? [EmbeddingKind(rawValue: arguments[3])!] : EmbeddingKind.allCases {
        try? FileManager.default.removeItem(atPath: arguments[2] + ".similarity/\(kind.rawValue)")
        let (catalog, time) = try seconds { try Catalog.load(from: store, embeddings: [kind]) }
        let engine = catalog.similarityIndex(kind)!.isApproximate ? "HNSW" : "exact"
        say(String(format: "\(kind.rawValue) index build (\(engine), into the cache): %.1f s", time - descriptorTime))
    }
case "sweep":
    // Recall@10 and latency per HNSW breadth (ef), against the exact scan over the same rows.
    let catalog = try Catalog.load(from: store)
    let ids = catalog.playlists.tracks.map { $0.track.id! }
    for kind in EmbeddingKind.allCases {
        var index = catalog.similarityIndex(kind)!
        guard index.isApproximate else { continue }
        let truth = Dictionary(queryIds(ids, count: queries).map { ($0, index.exact.nearest(to: $0, count: 10)!) }, uniquingKeysWith: { a, _ in a })
        for breadth in [40, 80, 160, 320, 640, 1280, 2560] {
            index.breadth = breadth
            var found: [Int64: [Neighbor]] = [:]
            let timing = latencies(queryIds(ids, count: queries)) { found[$0] = index.nearest(to: $0, count: 10)! }
            say(String(format: "\(kind.rawValue) ef %d: \(timing), recall@10 %.4f", breadth, recall(found, truth)))
        }
    }
case "startup":
    _ = try startUp()
case "current":
    indexesAlone()
    let catalog = try startUp()
    let ids = catalog.playlists.tracks.map { $0.track.id! }
    for (name, filter) in benchFilters(styleLabels: catalog.playlists.styleLabels) {
        var matched = 0
        let timing = try latencies(Array(0..<20)) { _ in matched = try catalog.playlists.matchingRows(filter).count }
        say("filter \(name): \(matched) tracks pass, \(timing)")
    }
    var baseline: [String: [Int64]] = [:]
    if arguments.count > 3 {
        for line in try String(contentsOfFile: arguments[3], encoding: .utf8).split(separator: "\n") {
            let fields = line.split(separator: "\t")
            baseline["\(fields[0])\t\(fields[1])"] = fields[2].split(separator: ",").map { Int64($0)! }
        }
    }
    for kind in EmbeddingKind.allCases {
        let index = catalog.similarityIndex(kind)!
        say("\(kind.rawValue): \(index.count) tracks, \(index.isApproximate ? "HNSW, ef \(index.breadth)" : "exact scan")")
        var found: [Int64: [Neighbor]] = [:]
        let top = try latencies(queryIds(ids, count: queries)) { id in
            found[id] = try catalog.similar(to: catalog.track(id: id)!, by: kind, count: 10).map { Neighbor(trackId: $0.track.id!, score: $0.score) }
        }
        let pass = Set(try catalog.playlists.matchingRows(benchFilter).map { catalog.playlists.tracks[$0].track.id! })
        var foundFiltered: [Int64: [Neighbor]] = [:]
        let filtered = try latencies(queryIds(ids, count: queries)) { id in
            foundFiltered[id] = try catalog.similar(seeds: [catalog.track(id: id)!], by: kind, count: 10, filter: benchFilter)
                .map { Neighbor(trackId: $0.track.id!, score: $0.score) }
        }
        let afterQueries = memory()
        // Brute force over the same rows (after the RSS reading: it touches every row).
        let exact = index.exact
        let truth = Dictionary(queryIds(ids, count: queries).map { ($0, exact.nearest(to: $0, count: 10)!) }, uniquingKeysWith: { a, _ in a })
        let truthFiltered = Dictionary(queryIds(ids, count: queries).map { id in
            (id, exact.nearest(to: exact.unitVector(of: id)!, count: 10, excluding: [id], accepting: { pass.contains($0) }))
        }, uniquingKeysWith: { a, _ in a })
        var versusBaseline = ""
        if !baseline.isEmpty {
            let lists = Dictionary(uniqueKeysWithValues: baseline.compactMap { key, value -> (Int64, [Neighbor])? in
                key.hasPrefix(kind.rawValue + "\t") ? (Int64(key.split(separator: "\t")[1])!, value.map { Neighbor(trackId: $0, score: 0) }) : nil
            })
            versusBaseline = String(format: " (vs the baseline's lists %.4f)", recall(found, lists))
        }
        say(String(format: "\(kind.rawValue) top-10: \(top), recall@10 vs brute force %.4f\(versusBaseline); RSS after queries \(afterQueries)",
                   recall(found, truth)))
        say(String(format: "\(kind.rawValue) similar+filters (%d%% pass): \(filtered), recall@10 vs brute force %.4f",
                   pass.count * 100 / max(ids.count, 1), recall(foundFiltered, truthFiltered)))
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
