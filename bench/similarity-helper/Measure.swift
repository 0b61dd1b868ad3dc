import Foundation
import Playlists
import Similarity
import TrackStore

/// Wall-clock seconds of `work`.
func seconds<T>(_ work: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try work()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

/// Resident memory of this process in MiB from /proc/self/status: the total, its anonymous (heap) and
/// file-backed (memory-mapped cache) parts, and the peak.
func resident() -> (total: Double, heap: Double, mapped: Double, peak: Double) {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    func field(_ name: String) -> Double {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kB = Double(line.split(whereSeparator: \.isWhitespace).dropFirst().first ?? "") else { return 0 }
        return kB / 1024
    }
    return (field("VmRSS:"), field("RssAnon:"), field("RssFile:"), field("VmHWM:"))
}

func memory() -> String {
    let now = resident()
    return String(format: "RSS %.0f MiB (heap %.0f, mapped files %.0f; peak %.0f)", now.total, now.heap, now.mapped, now.peak)
}

/// Share of the true top-10 lists' members that were found, over the queries both answer.
func recall(_ found: [Int64: [Neighbor]], _ truth: [Int64: [Neighbor]]) -> Double {
    var hits = 0, expected = 0
    for (query, exact) in truth {
        guard let answer = found[query] else { continue }
        hits += Set(exact.map(\.trackId)).intersection(answer.map(\.trackId)).count
        expected += exact.count
    }
    return expected == 0 ? 1 : Double(hits) / Double(expected)
}

/// Median and 95th percentile in milliseconds of each run of `work` over `items`.
func latencies<Item>(_ items: [Item], _ work: (Item) throws -> Void) rethrows -> String {
    let times = try items.map { item in try seconds { try work(item) }.1 * 1000 }.sorted()
    let median = times[times.count / 2], p95 = times[min(times.count - 1, Int(Double(times.count) * 0.95))]
    return String(format: "median %.2f ms, p95 %.2f ms", median, p95)
}

/// The benchmark's filter for similar + filters: about a fifth of the tracks pass.
let benchFilter = try! PlaylistQuery(parameters: [("bpm", "100-140"), ("voice", "instrumental"), ("dance", "0.3-")])

/// The filters timed on their own: the similar+filters one, and a typical playlist (a tempo range,
/// instrumental, a style when the store has style labels, a key).
func benchFilters(styleLabels: [String]) -> [(String, PlaylistQuery)] {
    var typical: [(String, String)] = [("bpm", "120-130"), ("voice", "instrumental"), ("key", "A"), ("scale", "minor")]
    if styleLabels.count > 7 { typical.append(("style", styleLabels[7])) }
    return [("bpm+voice+dance", benchFilter),
            (typical.map { "\($0.0)=\($0.1)" }.joined(separator: " "), try! PlaylistQuery(parameters: typical))]
}

/// The queries every run uses: `count` track ids picked with a fixed seed.
func queryIds(_ ids: [Int64], count: Int) -> [Int64] {
    var random = XorShift(seed: 5)
    return (0..<count).map { _ in ids[Int(random.next() % UInt64(ids.count))] }
}
