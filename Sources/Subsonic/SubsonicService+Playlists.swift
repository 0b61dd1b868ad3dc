import Foundation
import Playlists
import TrackStore

/// Saved playlists, the same table the web app saves to; a user sees and changes only their own.
extension SubsonicService {
    /// The user's own, then the mix from their recent plays once they have played something.
    func playlists() throws -> SubsonicPayload {
        let own = try store.savedPlaylists().filter { $0.owner == user }.map { SubsonicShapes.playlist($0, songs: songs(of: $0)) }
        let mix = try recentPlaysMix().map { [$0.element] } ?? []
        return [("playlists", .element(SubsonicElement(["playlist": .list(own + mix)])))]
    }

    func playlist(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let id = try parameters.required("id")
        if id == Self.recentPlaysMixId, let mix = try recentPlaysMix() {
            var element = mix.element
            element.fields.append(("entry", songs(mix.songs)))
            return [("playlist", .element(element))]
        }
        return withSongs(try ownPlaylist(id))
    }

    static let recentPlaysMixId = "mix-recent"

    /// A playlist players list like any other, made anew on every request from the user's recent plays
    /// (`mixFromRecentPlays`), so it follows what they listen to; nil before their first scrobble.
    private func recentPlaysMix() throws -> (element: SubsonicElement, songs: [Song])? {
        let songs = try mixFromRecentPlays(count: 50)
        guard !songs.isEmpty else { return nil }
        let changed = marks.plays.values.map(\.last).max() ?? Date()
        let element = SubsonicShapes.playlist(id: Self.recentPlaysMixId, name: "Mix from my recent plays",
                                                comment: "Songs that sound like the last ones you played; follows what you play.",
                                                owner: user, created: changed, changed: changed, songs: songs)
        return (element, songs)
    }

    /// A new playlist (`name`), or the songs of an existing one replaced (`playlistId`); answers the playlist.
    func createPlaylist(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let trackIds = try parameters.strings("songId").map { try library.song($0).track.id! }
        if let id = parameters.string("playlistId") {
            let playlist = try ownPlaylist(id)
            try store.updateSavedPlaylist(id: playlist.id, SavedPlaylistChange(name: parameters.string("name"), trackIds: trackIds))
            return withSongs(try ownPlaylist(id))
        }
        let name = try parameters.required("name")
        return withSongs(try store.createSavedPlaylist(name: name, owner: user, trackIds: trackIds))
    }

    func updatePlaylist(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let playlist = try ownPlaylist(parameters.required("playlistId"))
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

    func deletePlaylist(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        try store.deleteSavedPlaylist(id: try ownPlaylist(parameters.required("id")).id)
        return []
    }

    private func ownPlaylist(_ id: String) throws -> SavedPlaylist {
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
