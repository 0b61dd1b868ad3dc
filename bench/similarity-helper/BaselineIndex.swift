/// The similarity index of tonearm before Sources/Similarity (a scalar Double loop over every track and
/// a full sort), kept here only as the benchmark's baseline and brute-force ground truth.
struct BaselineIndex {
    private let ids: [Int64]
    private let dimension: Int
    private let unitVectors: [Float]
    private let position: [Int64: Int]

    init(embeddings: [Int64: [Float]]) {
        let sorted = embeddings.sorted { $0.key < $1.key }
        let dimension = sorted.first?.value.count ?? 0
        var ids: [Int64] = [], unitVectors: [Float] = []
        for (id, vector) in sorted where vector.count == dimension {
            let norm = vector.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
            guard norm > 0, norm.isFinite else { continue }
            ids.append(id)
            unitVectors += vector.map { Float(Double($0) / norm) }
        }
        self.ids = ids
        self.dimension = dimension
        self.unitVectors = unitVectors
        position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    }

    func nearest(to trackId: Int64, count: Int) -> [(trackId: Int64, score: Double)]? {
        guard let queryRow = position[trackId] else { return nil }
        let scored = unitVectors.withUnsafeBufferPointer { vectors in
            let query = vectors[(queryRow * dimension)..<((queryRow + 1) * dimension)]
            return ids.indices.filter { $0 != queryRow }.map { row in
                let vector = vectors[(row * dimension)..<((row + 1) * dimension)]
                return (trackId: ids[row], score: zip(query, vector).reduce(0.0) { $0 + Double($1.0) * Double($1.1) })
            }
        }
        return Array(scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.trackId < $1.trackId }.prefix(count))
    }
}
