import Foundation

/// getAlbumList (albums as directory entries) and getAlbumList2 (ID3 albums): every list type, the
/// user's own (starred, highest, frequent, recent) from their marks.
extension SubsonicService {
    func albumList(_ parameters: SubsonicParameters, version: Int) throws -> SubsonicPayload {
        let size = try parameters.int("size", default: 10, in: 1...Self.maxCount)
        let offset = try parameters.int("offset", default: 0, in: 0...Int(Int32.max))
        let page = try albums(ofListType: parameters.required("type"), parameters).dropFirst(offset).prefix(size)
        let entries = version == 1 ? page.map { SubsonicShapes.albumDirectory($0, marks) } : page.map { SubsonicShapes.album($0, marks) }
        return [(version == 1 ? "albumList" : "albumList2", .element(SubsonicElement(["album": .list(entries)])))]
    }

    private func albums(ofListType type: String, _ parameters: SubsonicParameters) throws -> [Album] {
        var albums = library.albums
        switch type {
        case "random": albums.shuffle()
        case "newest": albums = library.newestAlbums
        case "alphabeticalByName": break
        case "alphabeticalByArtist": albums = library.albumsByArtist
        case "byYear":
            let from = try parameters.int("fromYear", default: 0, in: 0...9999), to = try parameters.int("toYear", default: 9999, in: 0...9999)
            albums = albums.filter { $0.year.map { (min(from, to)...max(from, to)).contains($0) } ?? false }
                .sorted { from <= to ? $0.year! < $1.year! : $0.year! > $1.year! }
        case "byGenre":
            let genre = try parameters.required("genre")
            albums = albums.filter { $0.songs.contains { $0.genreNames.contains(genre) } }
        case "starred":
            albums = albums.filter { marks.starred[$0.id] != nil }
        case "highest":
            albums = albums.filter { marks.ratings[$0.id] != nil }.sorted { marks.ratings[$0.id]! > marks.ratings[$1.id]! }
        case "frequent", "recent":
            // From the plays, not from every album: a user has played far fewer songs than the collection holds.
            let playedIds = Set(marks.plays.keys.compactMap { library.song(trackId: $0)?.albumId })
            let played = albums.filter { playedIds.contains($0.id) }.map { ($0, SubsonicShapes.albumPlays($0, marks)!) }
            albums = (type == "frequent" ? played.sorted { $0.1.count > $1.1.count } : played.sorted { $0.1.last > $1.1.last }).map(\.0)
        case let other: throw SubsonicError.invalidParameter("type", "unknown list type \(other)")
        }
        return albums
    }
}
