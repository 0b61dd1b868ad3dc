/// A track found by a similarity query, with the cosine of its embedding to the reference.
public struct SonicNeighbor: Sendable, Equatable {
    public let trackId: Int64
    public let cosine: Double

    public init(trackId: Int64, cosine: Double) {
        self.trackId = trackId
        self.cosine = cosine
    }
}

/// What the Subsonic mixes and paths need from a similarity engine; `CatalogSonicSimilarity` answers
/// it from `Sources/Similarity`.
public protocol SonicSimilarity: Sendable {
    /// The `count` tracks nearest to the seeds (several seeds: the mean of their unit vectors),
    /// best first, seeds excluded; cosine to that query. Nil when no seed has an embedding.
    func similar(seeds: [Int64], count: Int) -> [SonicNeighbor]?
    /// At most `count` tracks from `start` to `end`, both included, each with its cosine to `start`.
    /// Nil when either end has no embedding.
    func path(from start: Int64, to end: Int64, count: Int) -> [SonicNeighbor]?
    /// The track's embedding scaled to length 1; nil when it has none.
    func unitVector(of trackId: Int64) -> [Float]?
}

/// OpenSubsonic's `similarity` in [0, 1] from a cosine in [−1, 1]: (1 + cos) / 2, so the same
/// song (cos 1) is 1, an orthogonal one 0.5 and an opposite one 0.
func similarityScore(cosine: Double) -> Double {
    min(1, max(0, (1 + cosine) / 2))
}
