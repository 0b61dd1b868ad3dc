import Similarity
import TrackStore

/// A song path: tracks from a start to an end, each step's cosine, and the path's smoothness.
public struct TrackPath: Sendable {
    public let tracks: [Track]
    /// Cosine of each track with the next.
    public let stepCosines: [Double]
    public let smoothness: PathSmoothness
}
