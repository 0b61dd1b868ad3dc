import Foundation

extension SubsonicService {
    /// Items grouped by the first letter of their name (`#` for anything else), the way clients index them.
    func letterIndex<Item>(_ items: [Item], name: (Item) -> String, entry: (Item) -> SubsonicElement) -> [SubsonicElement] {
        var groups: [String: [Item]] = [:]
        for item in items {
            let first = name(item).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).uppercased().first
            let letter = first.map { $0.isLetter && $0.isASCII ? String($0) : "#" } ?? "#"
            groups[letter, default: []].append(item)
        }
        return groups.keys.sorted().map { SubsonicElement(["name": .string($0), "artist": .list(groups[$0]!.map(entry))]) }
    }

    func artists() -> SubsonicPayload {
        let index = letterIndex(library.artists, name: \.name) { SubsonicShapes.artist($0, marks) }
        return [("artists", .element(SubsonicElement(["ignoredArticles": "", "index": .list(index)])))]
    }

    func artist(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        [("artist", .element(SubsonicShapes.artist(try library.artist(parameters.required("id")), marks, withAlbums: true)))]
    }

    func album(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        [("album", .element(SubsonicShapes.album(try library.album(parameters.required("id")), marks, withSongs: true)))]
    }

    /// Tag genres and tonearm's top styles, each with how many songs and albums carry it.
    func genres() -> SubsonicPayload {
        var songs: [String: Int] = [:], albums: [String: Set<String>] = [:]
        for song in library.songs {
            for genre in Set(song.genreNames) {
                songs[genre, default: 0] += 1
                albums[genre, default: []].insert(song.albumId)
            }
        }
        let list = songs.keys.sorted().map {
            SubsonicElement(["value": .string($0), "songCount": .int(songs[$0]!), "albumCount": .int(albums[$0]!.count)])
        }
        return [("genres", .element(SubsonicElement(["genre": .list(list)])))]
    }

    func randomSongs(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let size = try parameters.int("size", default: 10, in: 1...Self.maxCount)
        let genre = parameters.string("genre")
        let from = try parameters.optionalInt("fromYear"), to = try parameters.optionalInt("toYear")
        let all = library.songs
        var matching = genre == nil && from == nil && to == nil ? Array(all.indices) : all.indices.filter { index in
            let song = all[index]
            return (genre.map { song.genreNames.contains($0) } ?? true)
                && (from.map { song.tags?.year ?? Int.min >= $0 } ?? true) && (to.map { song.tags?.year ?? Int.max <= $0 } ?? true)
        }
        // Only the first `size` places are shuffled: positions, not songs, and not all 100,000 of them.
        for place in 0..<min(size, matching.count) { matching.swapAt(place, Int.random(in: place..<matching.count)) }
        return [("randomSongs", .element(SubsonicElement(["song": songs(matching.prefix(size).map { all[$0] })])))]
    }

    /// Songs whose genre tag or top styles include `genre`, paged.
    func songsByGenre(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let genre = try parameters.required("genre")
        let count = try parameters.int("count", default: 10, in: 1...Self.maxCount)
        let offset = try parameters.int("offset", default: 0, in: 0...Int(Int32.max))
        let found = library.songs.lazy.filter { $0.genreNames.contains(genre) }.dropFirst(offset).prefix(count)
        return [("songsByGenre", .element(SubsonicElement(["song": songs(Array(found))])))]
    }
}

extension Song {
    /// The genre tag, then tonearm's top styles: what `genres`, getGenres and byGenre share.
    var genreNames: [String] {
        (tags?.genre.map { [$0] } ?? []) + styles
    }
}
