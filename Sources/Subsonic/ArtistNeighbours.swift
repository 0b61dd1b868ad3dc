import Foundation

/// Artists that sound alike: each artist is the mean of its songs' unit embeddings (normalized), and an
/// artist's neighbours are the artists whose means are nearest by cosine. The means are computed on the
/// first question, once per library version (one pass over the embeddings), and kept.
final class ArtistNeighbours: @unchecked Sendable {
    private let lock = NSLock()
    private var means: Means?
    private let library: SubsonicLibrary
    private let similarity: any SonicSimilarity

    /// The artists' mean vectors, one row each, and each artist's row.
    private struct Means {
        var ids: [String] = []
        var rows: [String: Int] = [:]
        var vectors: [[Float]] = []
    }

    init(library: SubsonicLibrary, similarity: any SonicSimilarity) {
        self.library = library
        self.similarity = similarity
    }

    /// At most `count` artists, nearest first, the artist itself left out; empty when it has no embedding.
    func neighbours(of artistId: String, count: Int) -> [(id: String, cosine: Double)] {
        let means = artistMeans()
        guard let row = means.rows[artistId] else { return [] }
        let query = means.vectors[row]
        var scored: [(id: String, cosine: Double)] = []
        scored.reserveCapacity(means.ids.count)
        for other in means.ids.indices where other != row {
            scored.append((means.ids[other], Double(Self.dot(query, means.vectors[other]))))
        }
        return Array(scored.sorted { $0.cosine > $1.cosine }.prefix(count))
    }

    private static func dot(_ a: [Float], _ b: [Float]) -> Float {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var sum: Float = 0
                for index in 0..<min(a.count, b.count) { sum += a[index] * b[index] }
                return sum
            }
        }
    }

    private func artistMeans() -> Means {
        lock.withLock {
            if let means { return means }
            var computed = Means()
            for artist in library.artists {
                var sum: [Float]?
                for song in artist.albums.lazy.flatMap(\.songs) {
                    guard let vector = similarity.unitVector(of: song.track.id!) else { continue }
                    if sum == nil { sum = vector } else { for index in vector.indices { sum![index] += vector[index] } }
                }
                guard let sum else { continue }
                let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 0 else { continue }
                computed.rows[artist.id] = computed.ids.count
                computed.ids.append(artist.id)
                computed.vectors.append(sum.map { $0 / norm })
            }
            means = computed
            return computed
        }
    }
}
