import Foundation

/// How a path between two tracks is chosen.
public enum PathMethod: String, CaseIterable, Sendable {
    /// The nearest unused track to each of `length - 2` evenly spaced points on the great circle from
    /// the start's unit vector to the end's (spherical linear interpolation).
    case slerp
    /// A greedy walk on the nearest-neighbour graph: from each track, of its `walkNeighbours` nearest
    /// unused tracks the one closest to the end.
    case walk
}

/// A sequence of tracks from a start to an end, with how smooth it is.
public struct SongPath: Equatable, Sendable {
    public let trackIds: [Int64]
    /// Cosine similarity of each track with the next: `trackIds.count - 1` values.
    public let stepCosines: [Double]
    public let smoothness: PathSmoothness
}

/// The smoothness measure paths are compared by. Steps are angles between consecutive tracks' unit
/// vectors, in degrees (the angle, unlike 1 − cosine, adds up along a great circle).
public struct PathSmoothness: Equatable, Sendable {
    /// The largest jump: what a listener notices.
    public let largestStep: Double
    public let meanStep: Double
    /// Share of steps that end closer to the end track than they started (1 = always heading there).
    public let progress: Double

    public var description: String {
        String(format: "largest step %.1f°, mean step %.1f°, progress %.0f%%", largestStep, meanStep, progress * 100)
    }
}

extension SimilarityIndex {
    public static let walkNeighbours = 20

    /// `length` distinct tracks from `start` to `end` (both included); nil when either is not indexed,
    /// they are the same track, or the index holds fewer than `length` tracks.
    public func path(from start: Int64, to end: Int64, length: Int, method: PathMethod = .slerp) -> SongPath? {
        guard length >= 2, start != end, count >= length,
              let from = unitVector(of: start), let to = unitVector(of: end) else { return nil }
        var used: Set<Int64> = [start, end]
        var ids = [start]
        for step in 1..<(length - 1) {
            let next: Int64?
            switch method {
            case .slerp:
                let point = Self.slerp(from, to, t: Float(step) / Float(length - 1))
                next = nearest(to: point, count: 1, excluding: used).first?.trackId
            case .walk:
                let candidates = nearest(to: unitVector(of: ids.last!)!, count: Self.walkNeighbours, excluding: used)
                next = candidates.max { cosine($0.trackId, end)! < cosine($1.trackId, end)! }?.trackId
                    ?? nearest(to: to, count: 1, excluding: used).first?.trackId
            }
            guard let next else { return nil }
            used.insert(next)
            ids.append(next)
        }
        ids.append(end)
        return measured(ids, end: end)
    }

    private func measured(_ ids: [Int64], end: Int64) -> SongPath {
        func degrees(_ cosine: Double) -> Double { acos(min(1, max(-1, cosine))) * 180 / .pi }
        let cosines = zip(ids, ids.dropFirst()).map { cosine($0, $1)! }
        let steps = cosines.map(degrees)
        let towardsEnd = ids.map { degrees(cosine($0, end)!) }
        let advancing = zip(towardsEnd, towardsEnd.dropFirst()).filter { $1 < $0 }.count
        let smoothness = PathSmoothness(largestStep: steps.max() ?? 0, meanStep: steps.reduce(0, +) / Double(steps.count),
                                        progress: Double(advancing) / Double(steps.count))
        return SongPath(trackIds: ids, stepCosines: cosines, smoothness: smoothness)
    }

    /// The point a fraction `t` of the way along the great circle from unit vector `a` to `b`; falls
    /// back to the normalized straight line when they are (anti)parallel and the circle is undefined.
    static func slerp(_ a: [Float], _ b: [Float], t: Float) -> [Float] {
        let cosine = min(1, max(-1, zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 }))
        let omega = acos(cosine)
        guard sin(omega) > 1e-4 else { return zip(a, b).map { (1 - t) * $0 + t * $1 } }
        let wa = sin((1 - t) * omega) / sin(omega), wb = sin(t * omega) / sin(omega)
        return zip(a, b).map { wa * $0 + wb * $1 }
    }
}
