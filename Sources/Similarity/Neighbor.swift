/// A track near a query, with the cosine similarity of their mean embeddings.
public struct Neighbor: Equatable, Sendable {
    public let trackId: Int64
    public let score: Double

    public init(trackId: Int64, score: Double) {
        self.trackId = trackId
        self.score = score
    }
}
