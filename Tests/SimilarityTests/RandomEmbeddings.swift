import Foundation
import TestSupport

enum RandomEmbeddings {
    /// Vectors scattered around `clusters` random centres, keyed 0..<count.
    static func clustered(count: Int, dimension: Int, clusters: Int, using generator: inout SeededRandom) -> [Int64: [Float]] {
        let centres = (0..<clusters).map { _ in (0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) } }
        return Dictionary(uniqueKeysWithValues: (0..<count).map { id in
            let centre = centres[id % clusters]
            return (Int64(id), centre.map { $0 + Float.random(in: -0.6...0.6, using: &generator) })
        })
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        let dot = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let norms = a.reduce(0.0) { $0 + Double($1 * $1) }.squareRoot() * b.reduce(0.0) { $0 + Double($1 * $1) }.squareRoot()
        return dot / norms
    }
}
