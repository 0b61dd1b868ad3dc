import Foundation
import TrackStore
import Users

/// What a reply carries besides the envelope: named members of `subsonic-response`.
typealias SubsonicPayload = [(name: String, value: SubsonicValue)]

/// The data methods of the API over one library, one store (saved playlists) and one similarity engine.
/// Each method reads its parameters, answers a payload or throws a `SubsonicError`.
struct SubsonicService: Sendable {
    let library: SubsonicLibrary
    let store: TrackStore
    let similarity: any SonicSimilarity

    /// Most results any list, mix or path returns at once.
    static let maxCount = 500

    /// The payload of a data method, nil when tonearm does not implement `method`.
    func call(_ method: String, _ parameters: SubsonicParameters, user: String) throws -> SubsonicPayload? {
        switch method {
        case "ping": return []
        case "getLicense": return [("license", .element(SubsonicElement(["valid": true])))]
        case "getUser": return self.user(parameters, user)
        case "getMusicFolders":
            return [("musicFolders", .element(SubsonicElement(["musicFolder": .list([SubsonicElement(["id": 1, "name": "Music"])])])))]
        case "getIndexes": return indexes()
        case "getArtists": return artists()
        case "getArtist": return try artist(parameters)
        case "getAlbum": return try album(parameters)
        case "getSong": return [("song", .element(SubsonicShapes.song(try library.song(parameters.required("id")))))]
        case "getAlbumList2": return try albumList(parameters)
        case "getRandomSongs": return try randomSongs(parameters)
        case "getGenres": return genres()
        case "search3": return try search(parameters)
        case "getPlaylists": return try playlists(user)
        case "getPlaylist": return try playlist(parameters, user)
        case "createPlaylist": return try createPlaylist(parameters, user)
        case "updatePlaylist": return try updatePlaylist(parameters, user)
        case "deletePlaylist": return try deletePlaylist(parameters, user)
        case "getSimilarSongs": return try similarSongs(parameters, name: "similarSongs")
        case "getSimilarSongs2": return try similarSongs(parameters, name: "similarSongs2")
        case "getTopSongs": return try topSongs(parameters)
        case "getSonicSimilarTracks": return try sonicSimilarTracks(parameters)
        case "findSonicPath": return try sonicPath(parameters)
        default: return nil
        }
    }

    /// Answered without a user: clients ask it before they log in.
    static let extensions: SubsonicPayload = [("openSubsonicExtensions", .list([
        SubsonicElement(["name": "formPost", "versions": .ints([1])]),
        SubsonicElement(["name": "apiKeyAuthentication", "versions": .ints([1])]),
        SubsonicElement(["name": "sonicSimilarity", "versions": .ints([1])]),
    ]))]

    func songs(_ songs: [Song]) -> SubsonicValue { .list(songs.map(SubsonicShapes.song)) }

    private func user(_ parameters: SubsonicParameters, _ user: String) -> SubsonicPayload {
        let name = parameters.string("username") ?? user
        // Every user may stream, download and keep playlists; nobody administers the server over the API.
        let roles: KeyValuePairs<String, SubsonicValue?> = [
            "username": .string(name), "scrobblingEnabled": false, "adminRole": false, "settingsRole": false,
            "downloadRole": true, "uploadRole": false, "playlistRole": true, "coverArtRole": false, "commentRole": false,
            "podcastRole": false, "streamRole": true, "jukeboxRole": false, "shareRole": false, "videoConversionRole": false,
            "folder": .ints([1]),
        ]
        return [("user", .element(SubsonicElement(roles)))]
    }
}
