/// Mean embeddings of one kind for many tracks in one contiguous buffer: row `r` is
/// `values[r * dimension ..< (r + 1) * dimension]`, the vector of `ids[r]`; ids ascend.
/// One allocation instead of a million small arrays (1,000,000 × 1280 floats is 5.1 GB already).
public struct EmbeddingMatrix: Sendable {
    public let ids: [Int64]
    /// The length of every row: the first stored vector's, rows of another length are left out.
    public let dimension: Int
    public let values: [Float]

    public init(ids: [Int64], dimension: Int, values: [Float]) {
        precondition(values.count == ids.count * dimension, "values must hold one row of `dimension` floats per id")
        self.ids = ids
        self.dimension = dimension
        self.values = values
    }

    public var count: Int { ids.count }

    public func row(_ r: Int) -> ArraySlice<Float> { values[(r * dimension)..<((r + 1) * dimension)] }
}
