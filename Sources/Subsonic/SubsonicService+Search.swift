import Foundation
import TrackStore

/// search3 (ID3), search2 (folder-era entries) and search (v1). Songs are found through the store's
/// full-text index (`TrackStore.searchTrackIds`), albums and artists by the words of their names
/// (`SubsonicLibrary.albumWords`); every word of the query must begin a word of the match, as players
/// expect of type-ahead search. An empty query (or `""`, which some players send to sync the whole
/// library page by page) matches everything, in the library's order.
extension SubsonicService {
    func search(_ parameters: SubsonicParameters, version: Int) throws -> SubsonicPayload {
        let query = (parameters.string("query") ?? "").replacingOccurrences(of: "\"", with: "")
        let words = Self.words(query)
        func page(_ kind: String) throws -> (offset: Int, count: Int) {
            (try parameters.int("\(kind)Offset", default: 0, in: 0...Int(Int32.max)),
             try parameters.int("\(kind)Count", default: 20, in: 0...10_000))
        }
        let artists = try named(library.artists, library.artistWords, words, page("artist"))
        let albums = try named(library.albums, library.albumWords, words, page("album"))
        let songs = try self.songs(matching: query, words, page("song"))
        if version == 2 {
            return [("searchResult2", .element(SubsonicElement([
                "artist": .list(artists.map { SubsonicShapes.indexEntry(id: $0.id, name: $0.name, marks) }),
                "album": .list(albums.map { SubsonicShapes.albumDirectory($0, marks) }),
                "song": self.songs(songs),
            ])))]
        }
        return [("searchResult3", .element(SubsonicElement([
            "artist": .list(artists.map { SubsonicShapes.artist($0, marks) }), "album": self.albums(albums), "song": self.songs(songs),
        ])))]
    }

    /// The first API's search: `any` (or `artist`, `album`, `title` together) over songs, `count` from `offset`.
    func searchV1(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let query = parameters.string("any") ?? ["artist", "album", "title"].compactMap(parameters.string).joined(separator: " ")
        let count = try parameters.int("count", default: 20, in: 0...10_000)
        let offset = try parameters.int("offset", default: 0, in: 0...Int(Int32.max))
        let found = try songs(matching: query, Self.words(query), (offset, count))
        return [("searchResult", .element(SubsonicElement([
            "offset": .int(offset), "totalHits": .int(offset + found.count), "match": songs(found),
        ])))]
    }

    /// Nil for an empty query, which matches everything; a query of punctuation alone has no words and matches nothing.
    private static func words(_ query: String) -> [String]? {
        query.trimmingCharacters(in: .whitespaces).isEmpty ? nil : SearchWords.of(query)
    }

    private func songs(matching query: String, _ words: [String]?, _ page: (offset: Int, count: Int)) throws -> [Song] {
        guard words != nil else { return Array(library.songs.dropFirst(page.offset).prefix(page.count)) }
        return try store.searchTrackIds(query, offset: page.offset, limit: page.count) { library.song(trackId: $0) != nil }
            .compactMap(library.song(trackId:))
    }

    private func named<Item>(_ items: [Item], _ itemWords: [[String]], _ words: [String]?, _ page: (offset: Int, count: Int)) -> [Item] {
        guard let words else { return Array(items.dropFirst(page.offset).prefix(page.count)) }
        guard page.count > 0, !words.isEmpty else { return [] }
        return Array(items.indices.lazy.filter { SearchWords.match(words, in: itemWords[$0]) }.dropFirst(page.offset).prefix(page.count)
            .map { items[$0] })
    }
}
