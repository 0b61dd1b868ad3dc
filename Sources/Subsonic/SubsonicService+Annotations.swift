import Foundation

/// Stars and ratings, the user's own, on songs, albums, artists and folders.
extension SubsonicService {
    /// `id` (songs, or any item), `albumId`, `artistId`, each repeatable; unknown ids are refused
    /// before anything is written.
    func star(_ parameters: SubsonicParameters, starring: Bool) throws -> SubsonicPayload {
        let ids = parameters.strings("id") + parameters.strings("albumId") + parameters.strings("artistId")
        guard !ids.isEmpty else { throw SubsonicError.missingParameter("id, albumId or artistId") }
        for id in ids where !isItem(id) { throw SubsonicError.notFound("Item \(id)") }
        try starring ? listening.star(ids, by: user) : listening.unstar(ids, by: user)
        return []
    }

    func setRating(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let id = try parameters.required("id")
        let rating = try parameters.int("rating", default: -1, in: 0...5)
        guard rating >= 0 else { throw SubsonicError.missingParameter("rating") }
        guard isItem(id) else { throw SubsonicError.notFound("Item \(id)") }
        try listening.rate(id, rating, by: user)
        return []
    }

    /// Newest star first.
    func starred(version: Int) -> SubsonicPayload {
        let newestFirst = marks.starred.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.map(\.key)
        let songs = newestFirst.compactMap { Int64($0).flatMap(library.song(trackId:)) }
        let albums = newestFirst.compactMap { try? library.album($0) }, artists = newestFirst.compactMap { try? library.artist($0) }
        if version == 1 {
            return [("starred", .element(SubsonicElement([
                "artist": .list(artists.map { SubsonicShapes.indexEntry(id: $0.id, name: $0.name, marks) }),
                "album": .list(albums.map { SubsonicShapes.albumDirectory($0, marks) }), "song": self.songs(songs),
            ])))]
        }
        return [("starred2", .element(SubsonicElement([
            "artist": .list(artists.map { SubsonicShapes.artist($0, marks) }), "album": self.albums(albums), "song": self.songs(songs),
        ])))]
    }

    private func isItem(_ id: String) -> Bool {
        (try? library.songs(forAnyId: id)) != nil
    }
}
