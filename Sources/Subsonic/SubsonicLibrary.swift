import Crypto
import Foundation
import Playlists
import TrackStore

/// A song as clients see it: the track, its tags and where it files under. A class, so the lists
/// that pass songs around (a 500-song page, a filter over 10^5 songs) copy one reference, not a
/// dozen: copying these structs was a quarter of the server's time under load.
final class Song: Sendable {
    let descriptors: TrackDescriptors
    let tags: TrackTags?
    let albumId: String
    let artistId: String
    /// The directory of the file (`FolderTree`).
    let folderId: String
    let albumName: String
    let artistName: String
    /// Tonearm's strongest styles (activation ≥ 0.1, at most three), shown as the song's genres.
    let styles: [String]

    init(descriptors: TrackDescriptors, tags: TrackTags?, albumId: String, artistId: String, folderId: String,
         albumName: String, artistName: String, styles: [String]) {
        self.descriptors = descriptors
        self.tags = tags
        self.albumId = albumId
        self.artistId = artistId
        self.folderId = folderId
        self.albumName = albumName
        self.artistName = artistName
        self.styles = styles
    }

    var track: Track { descriptors.track }
    var id: String { String(track.id!) }
    var folderPath: String { (track.path as NSString).deletingLastPathComponent }
    var title: String {
        if let title = track.title, !title.isEmpty { return title }
        return ((track.path as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}

/// What an album entry shows from its songs is worked out once, with the library: sorting 10^4
/// albums by a date recomputed from their songs in every comparison took a 50-album list 0.1 s.
final class Album: Sendable {
    let id: String
    let name: String
    let artistName: String
    let artistId: String
    let songs: [Song]
    let year: Int?
    let genre: String?
    let duration: Int
    let created: Date

    init(id: String, name: String, artistName: String, artistId: String, songs: [Song]) {
        self.id = id
        self.name = name
        self.artistName = artistName
        self.artistId = artistId
        self.songs = songs
        year = songs.compactMap { $0.tags?.year }.max()
        genre = songs.lazy.compactMap { $0.tags?.genre }.first
        duration = Int(songs.reduce(0) { $0 + ($1.track.duration ?? 0) }.rounded())
        created = songs.compactMap(\.track.analyzedAt).min() ?? Date(timeIntervalSince1970: 0)
    }
}

struct Artist: Sendable {
    let id: String
    let name: String
    let albums: [Album]
}

/// The analyzed collection in the shape of the Subsonic ID3 browse model. Album artists (else the
/// artist) own albums; ids come from the tags, so they survive rescans: a song is its track id,
/// an album `al-` + hash of album artist and album, an artist `ar-` + hash of the name.
struct SubsonicLibrary: Sendable {
    static let unknownArtist = "[Unknown Artist]"
    static let unknownAlbum = "[Unknown Album]"

    let songs: [Song]
    let albums: [Album]
    let artists: [Artist]
    let folders: FolderTree
    /// The words of each album's name and artist, and of each artist's name, in `albums`' and
    /// `artists`' order: what search matches them by.
    let albumWords: [[String]]
    let artistWords: [[String]]
    /// The album lists in a fixed order, sorted once per version of the collection rather than per request.
    let newestAlbums: [Album]
    let albumsByArtist: [Album]
    private let songsById: [Int64: Song]
    private let albumsById: [String: Album]
    private let artistsById: [String: Artist]

    init(catalog: Catalog, tags: [Int64: TrackTags]) {
        let labels = catalog.playlists.styleLabels
        // Ids are hashed once per distinct name, not once per song: a collection has far fewer albums.
        var artistIds: [String: String] = [:], albumIds: [String: String] = [:], folderIds: [String: String] = [:]
        let songs = catalog.playlists.tracks.map { descriptors -> Song in
            let track = descriptors.track, tag = tags[track.id!]
            let artist = Self.nonEmpty(track.artist) ?? Self.unknownArtist
            let albumArtist = Self.nonEmpty(tag?.albumArtist) ?? artist
            let album = Self.nonEmpty(track.album) ?? Self.unknownAlbum
            let albumKey = Self.albumKey(artist: albumArtist, album: album)
            return Song(descriptors: descriptors, tags: tag, albumId: Self.cached(albumKey, in: &albumIds) { "al-" + Self.digest($0) },
                        artistId: Self.cached(artist.lowercased(), in: &artistIds) { "ar-" + Self.digest($0) },
                        folderId: Self.cached((track.path as NSString).deletingLastPathComponent, in: &folderIds, Self.folderId),
                        albumName: album, artistName: artist,
                        styles: Self.topStyles(descriptors.effnet?.styles.values ?? [], labels: labels))
        }
        var byAlbum: [String: [Song]] = [:]
        for song in songs { byAlbum[song.albumId, default: []].append(song) }
        let albums = byAlbum.map { id, members -> Album in
            let ordered = Self.inAlbumOrder(members)
            let albumArtist = Self.nonEmpty(ordered[0].tags?.albumArtist) ?? ordered[0].artistName
            return Album(id: id, name: ordered[0].albumName, artistName: albumArtist, artistId: Self.artistId(albumArtist),
                         songs: ordered)
        }.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        var byArtist: [String: [Album]] = [:]
        for album in albums { byArtist[album.artistId, default: []].append(album) }
        artists = byArtist.map { Artist(id: $0.key, name: $0.value[0].artistName, albums: $0.value) }
            .sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        self.songs = songs
        self.albums = albums
        folders = FolderTree(songs: songs) { Self.cached($0, in: &folderIds, Self.folderId) }
        newestAlbums = albums.sorted { $0.created > $1.created }
        albumsByArtist = albums.map { ($0, ($0.artistName.lowercased(), $0.name.lowercased())) }.sorted { $0.1 < $1.1 }.map(\.0)
        albumWords = albums.map { SearchWords.of($0.name + " " + $0.artistName) }
        artistWords = artists.map { SearchWords.of($0.name) }
        songsById = Dictionary(uniqueKeysWithValues: songs.map { ($0.track.id!, $0) })
        albumsById = Dictionary(uniqueKeysWithValues: albums.map { ($0.id, $0) })
        artistsById = Dictionary(uniqueKeysWithValues: artists.map { ($0.id, $0) })
    }

    func song(_ id: String) throws -> Song {
        guard let trackId = Int64(id), let song = songsById[trackId] else { throw SubsonicError.notFound("Song") }
        return song
    }

    func song(trackId: Int64) -> Song? { songsById[trackId] }

    func album(_ id: String) throws -> Album {
        guard let album = albumsById[id] else { throw SubsonicError.notFound("Album") }
        return album
    }

    func artist(_ id: String) throws -> Artist {
        guard let artist = artistsById[id] else { throw SubsonicError.notFound("Artist") }
        return artist
    }

    func artist(named name: String) -> Artist? { artistsById[Self.artistId(name)] }

    /// The songs an id stands for: a song, every song of an album, of an artist's albums or in a folder.
    func songs(forAnyId id: String) throws -> [Song] {
        if let album = albumsById[id] { return album.songs }
        if let artist = artistsById[id] { return artist.albums.flatMap(\.songs) }
        if let folder = folders.folder(id) { return folders.songs(under: folder) }
        return [try song(id)]
    }

    /// The artist an id stands for: itself, a song's or an album's artist, or the artist of most
    /// songs in a folder.
    func artist(forAnyId id: String) throws -> Artist {
        if let artist = artistsById[id] { return artist }
        let songs = try songs(forAnyId: id)
        let counts = Dictionary(songs.map { (albumsById[$0.albumId]?.artistId ?? $0.artistId, 1) }, uniquingKeysWith: +)
        guard let top = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), let artist = artistsById[top.key] else {
            throw SubsonicError.notFound("Artist")
        }
        return artist
    }

    static func artistId(_ name: String) -> String { "ar-" + digest(name.lowercased()) }

    private static func folderId(_ path: String) -> String { "fo-" + digest(path) }

    private static func albumKey(artist: String, album: String) -> String {
        artist.lowercased() + "\u{1F}" + album.lowercased()
    }

    private static func cached(_ key: String, in ids: inout [String: String], _ make: (String) -> String) -> String {
        if let id = ids[key] { return id }
        let id = make(key)
        ids[key] = id
        return id
    }

    private static let hexDigits = Array("0123456789abcdef")

    private static func digest(_ text: String) -> String {
        String(SHA256.hash(data: Data(text.utf8)).prefix(8).flatMap { [hexDigits[Int($0 >> 4)], hexDigits[Int($0 & 15)]] })
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }

    private static func topStyles(_ activations: [Float], labels: [String]) -> [String] {
        activations.indices.filter { $0 < labels.count && activations[$0] >= 0.1 }
            .sorted { activations[$0] > activations[$1] }.prefix(3).map { labels[$0] }
    }

    /// Disc, track number, title, id; each song's key computed once (a tagless collection is one big album).
    private static func inAlbumOrder(_ songs: [Song]) -> [Song] {
        let keys = songs.map { ($0.tags?.discNumber ?? 1, $0.tags?.trackNumber ?? Int.max, $0.title.lowercased(), $0.track.id!) }
        return songs.indices.sorted { keys[$0] < keys[$1] }.map { songs[$0] }
    }
}
