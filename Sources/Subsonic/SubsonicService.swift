import Foundation
import Listening
import TrackStore
import Users

/// What a reply carries besides the envelope: named members of `subsonic-response`.
typealias SubsonicPayload = [(name: String, value: SubsonicValue)]

/// The data methods of the API over one library, one store (saved playlists, listening state) and one
/// similarity engine, for one user. Each method reads its parameters, answers a payload or throws a
/// `SubsonicError`.
struct SubsonicService: Sendable {
    let library: SubsonicLibrary
    let store: TrackStore
    let listening: ListeningStore
    let similarity: any SonicSimilarity
    let artistNeighbours: ArtistNeighbours
    let scans: CollectionScans
    /// The requesting user and their stars, ratings and plays (`for(user:)`).
    var user = ""
    var marks = UserMarks()

    /// Most results any list, mix or path returns at once.
    static let maxCount = 500

    func `for`(user: String) throws -> SubsonicService {
        var service = self
        service.user = user
        service.marks = try listening.marks(of: user)
        return service
    }

    /// The payload of a data method, nil when tonearm does not implement `method`.
    func call(_ method: String, _ parameters: SubsonicParameters) throws -> SubsonicPayload? {
        switch method {
        case "ping": return []
        case "getLicense": return [("license", .element(SubsonicElement(["valid": true])))]
        case "getUser": return self.user(parameters)
        case "getMusicFolders":
            return [("musicFolders", .element(SubsonicElement(["musicFolder": .list([SubsonicElement(["id": 1, "name": "Music"])])])))]
        case "getIndexes": return indexes()
        case "getMusicDirectory": return try musicDirectory(parameters)
        case "getArtists": return artists()
        case "getArtist": return try artist(parameters)
        case "getAlbum": return try album(parameters)
        case "getSong": return [("song", .element(SubsonicShapes.song(try library.song(parameters.required("id")), marks)))]
        case "getAlbumList": return try albumList(parameters, version: 1)
        case "getAlbumList2": return try albumList(parameters, version: 2)
        case "getRandomSongs": return try randomSongs(parameters)
        case "getSongsByGenre": return try songsByGenre(parameters)
        case "getGenres": return genres()
        case "search": return try searchV1(parameters)
        case "search2": return try search(parameters, version: 2)
        case "search3": return try search(parameters, version: 3)
        case "getPlaylists": return try playlists()
        case "getPlaylist": return try playlist(parameters)
        case "createPlaylist": return try createPlaylist(parameters)
        case "updatePlaylist": return try updatePlaylist(parameters)
        case "deletePlaylist": return try deletePlaylist(parameters)
        case "getSimilarSongs": return try similarSongs(parameters, name: "similarSongs")
        case "getSimilarSongs2": return try similarSongs(parameters, name: "similarSongs2")
        case "getTopSongs": return try topSongs(parameters)
        case "getSonicSimilarTracks": return try sonicSimilarTracks(parameters)
        case "findSonicPath": return try sonicPath(parameters)
        case "star": return try star(parameters, starring: true)
        case "unstar": return try star(parameters, starring: false)
        case "setRating": return try setRating(parameters)
        case "getStarred": return starred(version: 1)
        case "getStarred2": return starred(version: 2)
        case "scrobble": return try scrobble(parameters)
        case "getNowPlaying": return try nowPlaying()
        case "getPlayQueue": return try playQueue(byIndex: false)
        case "getPlayQueueByIndex": return try playQueue(byIndex: true)
        case "savePlayQueue": return try savePlayQueue(parameters, byIndex: false)
        case "savePlayQueueByIndex": return try savePlayQueue(parameters, byIndex: true)
        case "getArtistInfo": return try artistInfo(parameters, version: 1)
        case "getArtistInfo2": return try artistInfo(parameters, version: 2)
        case "getAlbumInfo", "getAlbumInfo2": return try albumInfo(parameters)
        case "getScanStatus": return [("scanStatus", scans.status(songCount: library.songs.count))]
        case "startScan": return [("scanStatus", try scans.start(under: library.folders.rootPath, songCount: library.songs.count))]
        default: return nil
        }
    }

    /// Answered without a user: clients ask it before they log in.
    static let extensions: SubsonicPayload = [("openSubsonicExtensions", .list([
        SubsonicElement(["name": "formPost", "versions": .ints([1])]),
        SubsonicElement(["name": "apiKeyAuthentication", "versions": .ints([1])]),
        SubsonicElement(["name": "sonicSimilarity", "versions": .ints([1])]),
        SubsonicElement(["name": "songLyrics", "versions": .ints([1])]),
        SubsonicElement(["name": "indexBasedQueue", "versions": .ints([1])]),
    ]))]

    func songs(_ songs: [Song]) -> SubsonicValue { .list(songs.map { SubsonicShapes.song($0, marks) }) }

    func albums(_ albums: [Album]) -> SubsonicValue { .list(albums.map { SubsonicShapes.album($0, marks) }) }

    private func user(_ parameters: SubsonicParameters) -> SubsonicPayload {
        let name = parameters.string("username") ?? user
        // Every user may stream, download, keep playlists and scrobble; nobody administers the server over the API.
        let roles: KeyValuePairs<String, SubsonicValue?> = [
            "username": .string(name), "scrobblingEnabled": true, "adminRole": false, "settingsRole": false,
            "downloadRole": true, "uploadRole": false, "playlistRole": true, "coverArtRole": false, "commentRole": false,
            "podcastRole": false, "streamRole": true, "jukeboxRole": false, "shareRole": false, "videoConversionRole": false,
            "folder": .ints([1]),
        ]
        return [("user", .element(SubsonicElement(roles)))]
    }
}
