import Foundation
import TrackStore

/// Every track's place in name order (case-insensitive display name; equal names share a rank), so
/// sorting a playlist by name compares integers. Computed on the first name sort, not at load: a
/// million names take seconds to sort, and start-up should not wait for them.
final class NameRanks: @unchecked Sendable {
    private let tracks: [TrackDescriptors]
    private let lock = NSLock()
    private var ranks: [Int32]?

    init(_ tracks: [TrackDescriptors]) {
        self.tracks = tracks
    }

    /// Indexed by row.
    var all: [Int32] {
        lock.lock()
        defer { lock.unlock() }
        if let ranks { return ranks }
        let computed = Self.ranks(tracks)
        ranks = computed
        return computed
    }

    private static func ranks(_ tracks: [TrackDescriptors]) -> [Int32] {
        let names = tracks.map { $0.track.displayName.lowercased() }
        let order = names.indices.sorted { names[$0] < names[$1] }
        var ranks = [Int32](repeating: 0, count: names.count)
        var rank: Int32 = 0
        for (position, row) in order.enumerated() {
            if position > 0, names[row] != names[order[position - 1]] { rank += 1 }
            ranks[row] = rank
        }
        return ranks
    }
}
