/// Mixes and sonic paths from the embeddings: what "Instant Mix" and the sonicSimilarity extension ask.
extension SubsonicService {
    /// Songs like a song, an album or an artist (the mean of its songs), best first.
    func similarSongs(_ parameters: SubsonicParameters, name: String) throws -> SubsonicPayload {
        let seeds = try library.songs(forAnyId: parameters.required("id"))
        let count = try parameters.int("count", default: 50, in: 1...Self.maxCount)
        let found = try neighbors(of: seeds, count: count)
        return [(name, .element(SubsonicElement(["song": songs(found.map(\.song))])))]
    }

    /// An artist's songs most played by everyone first, the rest in album order.
    func topSongs(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let count = try parameters.int("count", default: 50, in: 1...Self.maxCount)
        let artist = try parameters.string("id").map(library.artist) ?? library.artist(named: try parameters.required("artist"))
        let all = artist?.albums.flatMap(\.songs) ?? []
        let plays = try listening.playCounts(of: all.map { $0.track.id! })
        let ranked = all.indices.sorted { (-(plays[all[$0].track.id!] ?? 0), $0) < (-(plays[all[$1].track.id!] ?? 0), $1) }
        return [("topSongs", .element(SubsonicElement(["song": songs(ranked.prefix(count).map { all[$0] })])))]
    }

    /// Songs like the ones the user played last (the mean of the last `seedCount`), none of those.
    func mixFromRecentPlays(count: Int, seedCount: Int = 25) throws -> [Song] {
        let seeds = try listening.recentTrackIds(of: user, limit: seedCount).compactMap(library.song(trackId:))
        // Played songs without an embedding give no mix rather than an error: the playlist list must still answer.
        return ((try? neighbors(of: seeds, count: count)) ?? []).map(\.song)
    }

    func sonicSimilarTracks(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let seed = try library.song(parameters.required("id"))
        let count = try parameters.int("count", default: 10, in: 1...Self.maxCount)
        return [("sonicMatch", .list(try neighbors(of: [seed], count: count).map(match)))]
    }

    func sonicPath(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let start = try library.song(parameters.required("startSongId")), end = try library.song(parameters.required("endSongId"))
        let count = try parameters.int("count", default: 25, in: 2...Self.maxCount)
        guard let steps = similarity.path(from: start.track.id!, to: end.track.id!, count: count) else {
            throw SubsonicError.notFound("Embedding of one of these songs")
        }
        let path = steps.compactMap { step in library.song(trackId: step.trackId).map { (song: $0, cosine: step.cosine) } }
        return [("sonicMatch", .list(path.map(match)))]
    }

    private func neighbors(of seeds: [Song], count: Int) throws -> [(song: Song, cosine: Double)] {
        guard let found = similarity.similar(seeds: seeds.map { $0.track.id! }, count: count) else {
            throw SubsonicError.notFound("Embedding of this song")
        }
        return found.compactMap { neighbor in library.song(trackId: neighbor.trackId).map { (song: $0, cosine: neighbor.cosine) } }
    }

    private func match(_ found: (song: Song, cosine: Double)) -> SubsonicElement {
        SubsonicElement(["entry": .element(SubsonicShapes.song(found.song, marks)), "similarity": .double(similarityScore(cosine: found.cosine))])
    }
}
