/// How the approximate (HNSW) engine is built and searched. Chosen on the benchmark's clustered data
/// (bench/similarity, README "Similarity at scale"): the smallest breadth whose recall@10 stays
/// ≥ 0.95 with a margin.
public struct ApproximateSearch: Sendable, Equatable {
    /// HNSW's M: links per node (twice that on the bottom layer).
    public var links: Int
    /// HNSW's efConstruction.
    public var constructionBreadth: Int
    /// HNSW's ef: candidates gathered per query, all re-scored exactly on the full vectors.
    public var breadth: Int
    /// The graph is built over this many principal axes of the unit vectors (nil: the vectors themselves).
    public var projectedDimension: Int?

    public init(links: Int = 16, constructionBreadth: Int = 200, breadth: Int, projectedDimension: Int? = nil) {
        self.links = links
        self.constructionBreadth = constructionBreadth
        self.breadth = breadth
        self.projectedDimension = projectedDimension
    }

    /// MusiCNN-sized vectors (≤ 256-d) directly; EffNet's 1280-d through a 256-d projection, with a
    /// breadth wide enough for the exact re-scoring to repair what the projection blurs.
    public static func standard(dimension: Int) -> ApproximateSearch {
        dimension > 256 ? ApproximateSearch(breadth: 400, projectedDimension: 256) : ApproximateSearch(breadth: 160)
    }

    /// Below this many tracks the exact scan is fast enough (≈ 20 ms at 100k × 1280-d) and stays the engine.
    public static let threshold = 50_000
}
