import Foundation

/// Artists that sound alike: each artist is the mean of its songs' unit embeddings (normalized), and an
/// artist's neighbours are the artists whose means are nearest by cosine. The means are computed on the
/// first question, once per library version (one pass over the embeddings), and kept.
final class ArtistNeighbours: @unchecked Sendable {
    private let lock = NSLock()
    private var means: (ids: [String], vectors: [[Float]])?
    private let library: SubsonicLibrary
    private let similarity: any SonicSimilarity

    init(library: SubsonicLibrary, similarity: any SonicSimilarity) {
        self.library = library
        self.similarity = similarity
    }

    /// At most `count` artists, nearest first, the artist itself left out; empty when it has no embedding.
    func neighbours(of artistId: String, count: Int) -> [(id: String, cosine: Double)] {
        let (ids, vectors) = artistMeans()
        guard let row = ids.firstIndex(of: artistId) else { return [] }
        let query = vectors[row]
        let scored = vectors.indices.lazy.filter { $0 != row }.map { other in
            (id: ids[other], cosine: Double(zip(query, vectors[other]).reduce(0) { $0 + $1.0 * $1.1 }))
        }
        return Array(scored.sorted { $0.cosine > $1.cosine }.prefix(count))
    }

    private func artistMeans() -> (ids: [String], vectors: [[Float]]) {
        lock.withLock {
            if let means { return means }
            var ids: [String] = [], vectors: [[Float]] = []
            for artist in library.artists {
                var sum: [Float]?
                for song in artist.albums.lazy.flatMap(\.songs) {
                    guard let vector = similarity.unitVector(of: song.track.id!) else { continue }
                    if sum == nil { sum = vector } else { for index in vector.indices { sum![index] += vector[index] } }
                }
                guard let sum else { continue }
                let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 0 else { continue }
                ids.append(artist.id)
                vectors.append(sum.map { $0 / norm })
            }
            means = (ids, vectors)
            return (ids, vectors)
        }
    }
}
