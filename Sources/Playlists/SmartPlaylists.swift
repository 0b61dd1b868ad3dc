import Foundation
import TrackStore

/// Playlists saved as a query ("smart" playlists): stored in the store's `saved_playlist` table with
/// their query, re-run whenever they are shown, and written as `NAME.m3u8` into the playlists folder.
/// Each owner has their own names; saving never silently replaces a different playlist of the same name.
public struct SmartPlaylists: Sendable {
    /// The owner of what the web app saves while no one logs in, and what the CLI reads by default.
    public static let localOwner = "local"

    public enum SaveOutcome: Sendable {
        case saved(SavedPlaylist)
        /// The name holds a different playlist: saving again with `overwrite` replaces it.
        case needsConfirmation(existing: SavedPlaylist)
    }

    let store: TrackStore
    public let folder: PlaylistFolder

    public init(store: TrackStore, folder: PlaylistFolder) {
        self.store = store
        self.folder = folder
    }

    /// The owner's smart playlists, oldest first.
    public func list(owner: String) throws -> [SavedPlaylist] {
        try store.savedPlaylists().filter { $0.owner == owner && $0.query != nil }
    }

    /// The owner's playlist of that name, smart or a fixed list (a Subsonic client's).
    public func named(_ name: PlaylistName, owner: String) throws -> SavedPlaylist? {
        try store.savedPlaylists().first { $0.owner == owner && $0.name == name.description }
    }

    /// The smart playlist of that name, for `tonearm playlist --saved`.
    public func smart(named name: PlaylistName, owner: String) throws -> SavedPlaylist {
        let all = try store.savedPlaylists().filter { $0.name == name.description && $0.query != nil }
        guard let playlist = all.first(where: { $0.owner == owner }) else {
            throw SavedPlaylistError.unknownName(name.description, savedByOthers: all.map(\.owner))
        }
        return playlist
    }

    public func query(of playlist: SavedPlaylist) throws -> PlaylistQuery {
        guard let text = playlist.query, let query = try? PlaylistQuery(savedText: text) else {
            throw SavedPlaylistError.unreadableQuery(playlist.name)
        }
        return query
    }

    /// Saves the query under the name, with its current tracks as the stored list (what Subsonic
    /// clients see) and in the folder's file. The same query again just refreshes both.
    public func save(_ name: PlaylistName, query: PlaylistQuery, owner: String, engine: PlaylistEngine,
                     overwrite: Bool) throws -> SaveOutcome {
        let tracks = try engine.run(query).entries.map(\.track)
        let trackIds = tracks.map { $0.id! }
        let playlist: SavedPlaylist
        if let existing = try named(name, owner: owner) {
            let same = (try? self.query(of: existing)) == query
            guard same || overwrite else { return .needsConfirmation(existing: existing) }
            try store.updateSavedPlaylist(id: existing.id, SavedPlaylistChange(trackIds: trackIds, query: query.savedText))
            playlist = try store.savedPlaylist(id: existing.id)!
        } else {
            playlist = try store.createSavedPlaylist(name: name.description, owner: owner, trackIds: trackIds, query: query.savedText)
        }
        try folder.write(tracks, name: name, owner: owner)
        return .saved(playlist)
    }

    /// Deletes one of the owner's smart playlists and its file; answers what was deleted.
    @discardableResult
    public func delete(id: Int64, owner: String) throws -> SavedPlaylist {
        let playlist = try self.playlist(id: id, owner: owner)
        try store.deleteSavedPlaylist(id: id)
        if let name = try? PlaylistName(playlist.name) {
            try folder.remove(name: name, owner: owner)
        }
        return playlist
    }

    /// The owner's smart playlist with that id.
    public func playlist(id: Int64, owner: String) throws -> SavedPlaylist {
        guard let playlist = try store.savedPlaylist(id: id), playlist.owner == owner, playlist.query != nil else {
            throw SavedPlaylistError.unknownPlaylist
        }
        return playlist
    }
}
