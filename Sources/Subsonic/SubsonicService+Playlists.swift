import Foundation
import Playlists
import TrackStore

/// Saved playlists, the same table the web app saves to; a user sees and changes only their own.
extension SubsonicService {
    func playlists(_ user: String) throws -> SubsonicPayload {
        let own = try store.savedPlaylists().filter { $0.owner == user }
        return [("playlists", .element(SubsonicElement(["playlist": .list(own.map { SubsonicShapes.playlist($0, songs: songs(of: $0)) })])))]
    }

    func playlist(_ parameters: SubsonicParameters, _ user: String) throws -> SubsonicPayload {
        withSongs(try ownPlaylist(parameters.required("id"), user))
    }

    /// A new playlist (`name`), or the songs of an existing one replaced (`playlistId`); answers the playlist.
    func createPlaylist(_ parameters: SubsonicParameters, _ user: String) throws -> SubsonicPayload {
        let trackIds = try parameters.strings("songId").map { try library.song($0).track.id! }
        if let id = parameters.string("playlistId") {
            let playlist = try ownPlaylist(id, user)
            try store.updateSavedPlaylist(id: playlist.id, SavedPlaylistChange(name: parameters.string("name"), trackIds: trackIds))
            return withSongs(try ownPlaylist(id, user))
        }
        let name = try parameters.required("name")
        return withSongs(try store.createSavedPlaylist(name: name, owner: user, trackIds: trackIds))
    }

    func updatePlaylist(_ parameters: SubsonicParameters, _ user: String) throws -> SubsonicPayload {
        let playlist = try ownPlaylist(parameters.required("playlistId"), user)
        var trackIds = playlist.trackIds
        let removals = try parameters.strings("songIndexToRemove").map { text -> Int in
            guard let index = Int(text), trackIds.indices.contains(index) else {
                throw SubsonicError.invalidParameter("songIndexToRemove", "no song at index \(text)")
            }
            return index
        }
        for index in Set(removals).sorted(by: >) { trackIds.remove(at: index) }
        trackIds += try parameters.strings("songIdToAdd").map { try library.song($0).track.id! }
        try store.updateSavedPlaylist(id: playlist.id, SavedPlaylistChange(name: parameters.string("name"),
                                                                          comment: parameters.string("comment"), trackIds: trackIds))
        return []
    }

    func deletePlaylist(_ parameters: SubsonicParameters, _ user: String) throws -> SubsonicPayload {
        try store.deleteSavedPlaylist(id: try ownPlaylist(parameters.required("id"), user).id)
        return []
    }

    private func ownPlaylist(_ id: String, _ user: String) throws -> SavedPlaylist {
        guard let number = Int64(id), let playlist = try store.savedPlaylist(id: number), playlist.owner == user else {
            throw SubsonicError.notFound("Playlist")
        }
        return playlist
    }

    /// Tracks no longer analyzed are left out of what clients see, but stay in the stored list.
    private func songs(of playlist: SavedPlaylist) -> [Song] {
        playlist.trackIds.compactMap(library.song(trackId:))
    }

    private func withSongs(_ playlist: SavedPlaylist) -> SubsonicPayload {
        let members = songs(of: playlist)
        var element = SubsonicShapes.playlist(playlist, songs: members)
        element.fields.append(("entry", songs(members)))
        return [("playlist", .element(element))]
    }
}
