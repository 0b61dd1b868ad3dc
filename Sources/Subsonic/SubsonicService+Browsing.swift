import Foundation

extension SubsonicService {
    /// Artists grouped by the first letter of their name (`#` for anything else), the way clients index them.
    private func artistIndex(_ artist: (Artist) -> SubsonicElement) -> [SubsonicElement] {
        var groups: [String: [Artist]] = [:]
        for candidate in library.artists {
            let first = candidate.name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).uppercased().first
            let letter = first.map { $0.isLetter && $0.isASCII ? String($0) : "#" } ?? "#"
            groups[letter, default: []].append(candidate)
        }
        return groups.keys.sorted().map { SubsonicElement(["name": .string($0), "artist": .list(groups[$0]!.map(artist))]) }
    }

    func indexes() -> SubsonicPayload {
        let index = artistIndex { SubsonicElement(["id": .string($0.id), "name": .string($0.name)]) }
        let modified = library.songs.compactMap(\.track.analyzedAt).max() ?? Date(timeIntervalSince1970: 0)
        return [("indexes", .element(SubsonicElement(["ignoredArticles": "", "lastModified": .int(Int(modified.timeIntervalSince1970 * 1000)),
                                                      "index": .list(index)])))]
    }

    func artists() -> SubsonicPayload {
        [("artists", .element(SubsonicElement(["ignoredArticles": "", "index": .list(artistIndex { SubsonicShapes.artist($0) })])))]
    }

    func artist(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        [("artist", .element(SubsonicShapes.artist(try library.artist(parameters.required("id")), withAlbums: true)))]
    }

    func album(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        [("album", .element(SubsonicShapes.album(try library.album(parameters.required("id")), withSongs: true)))]
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

    func albumList(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let size = try parameters.int("size", default: 10, in: 1...Self.maxCount)
        let offset = try parameters.int("offset", default: 0, in: 0...Int(Int32.max))
        var albums = library.albums
        switch try parameters.required("type") {
        case "random": albums.shuffle()
        case "newest": albums.sort { $0.created > $1.created }
        case "alphabeticalByName": break
        case "alphabeticalByArtist": albums.sort { ($0.artistName.lowercased(), $0.name.lowercased()) < ($1.artistName.lowercased(), $1.name.lowercased()) }
        case "byYear":
            let from = try parameters.int("fromYear", default: 0, in: 0...9999), to = try parameters.int("toYear", default: 9999, in: 0...9999)
            albums = albums.filter { $0.year.map { (min(from, to)...max(from, to)).contains($0) } ?? false }
                .sorted { from <= to ? $0.year! < $1.year! : $0.year! > $1.year! }
        case "byGenre":
            let genre = try parameters.required("genre")
            albums = albums.filter { $0.songs.contains { $0.genreNames.contains(genre) } }
        case "frequent", "recent", "starred", "highest": albums = []
        case let other: throw SubsonicError.invalidParameter("type", "unknown list type \(other)")
        }
        let page = albums.dropFirst(offset).prefix(size).map { SubsonicShapes.album($0) }
        return [("albumList2", .element(SubsonicElement(["album": .list(Array(page))])))]
    }

    func randomSongs(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let size = try parameters.int("size", default: 10, in: 1...Self.maxCount)
        let genre = parameters.string("genre")
        let from = try parameters.optionalInt("fromYear"), to = try parameters.optionalInt("toYear")
        let all = library.songs
        var matching = all.indices.filter { index in
            let song = all[index]
            return (genre.map { song.genreNames.contains($0) } ?? true)
                && (from.map { song.tags?.year ?? Int.min >= $0 } ?? true) && (to.map { song.tags?.year ?? Int.max <= $0 } ?? true)
        }
        // Only the first `size` places are shuffled: positions, not songs, and not all 100,000 of them.
        for place in 0..<min(size, matching.count) { matching.swapAt(place, Int.random(in: place..<matching.count)) }
        return [("randomSongs", .element(SubsonicElement(["song": songs(matching.prefix(size).map { all[$0] })])))]
    }

    /// Every word of the query in the name (or title, artist, album); an empty query (or `""`, which
    /// some clients send to sync the whole library) matches everything. Each kind is paged on its own.
    func search(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let query = (parameters.string("query") ?? "").replacingOccurrences(of: "\"", with: "")
        let words = query.split(whereSeparator: \.isWhitespace).map(String.init)
        func matches(_ fields: [String?]) -> Bool {
            let text = fields.compactMap { $0 }.joined(separator: " ")
            return words.allSatisfy { text.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        }
        func page<T>(_ items: [T], _ kind: String, defaultCount: Int = 20) throws -> ArraySlice<T> {
            let count = try parameters.int("\(kind)Count", default: defaultCount, in: 0...10_000)
            let offset = try parameters.int("\(kind)Offset", default: 0, in: 0...Int(Int32.max))
            return items.dropFirst(offset).prefix(count)
        }
        let artists = try page(library.artists.filter { matches([$0.name]) }, "artist")
        let albums = try page(library.albums.filter { matches([$0.name, $0.artistName]) }, "album")
        let songs = try page(library.songs.filter { matches([$0.title, $0.artistName, $0.albumName]) }, "song")
        return [("searchResult3", .element(SubsonicElement([
            "artist": .list(artists.map { SubsonicShapes.artist($0) }),
            "album": .list(albums.map { SubsonicShapes.album($0) }),
            "song": self.songs(Array(songs)),
        ])))]
    }
}

extension Song {
    /// The genre tag, then tonearm's top styles: what `genres`, getGenres and byGenre share.
    var genreNames: [String] {
        (tags?.genre.map { [$0] } ?? []) + styles
    }
}
