import Foundation
import TrackStore

/// Puts a list of tracks into a playlist on the user's Subsonic server. The first push creates it;
/// every later push replaces its songs under the same playlist id (`createPlaylist` with
/// `playlistId`), remembered in the store per server, user and name, so players that sync
/// playlists by id keep theirs.
public struct PlaylistPush {
    public struct Outcome {
        public var name: String
        public var playlistId: String
        public var created: Bool
        public var songCount: Int
        /// Tracks the server has no song for; they are left out and listed, never dropped silently.
        public var unmatched: [Track]
    }

    let client: SubsonicClient
    let store: TrackStore
    let user: String
    let matcher: SongMatcher
    /// Subsonic's "requested data was not found".
    static let notFound = 70

    public init(client: SubsonicClient, store: TrackStore, user: String, mappings: [PathMapping]) {
        self.client = client
        self.store = store
        self.user = user
        matcher = SongMatcher(client: client, mappings: mappings)
    }

    public func push(name: String, tracks: [Track]) throws -> Outcome {
        var songIds: [String] = [], unmatched: [Track] = []
        for track in tracks {
            if let song = try matcher.song(for: track) { songIds.append(song.id) } else { unmatched.append(track) }
        }
        let server = client.server.absoluteString
        let songs = songIds.map { ("songId", $0) }
        if let known = try store.pushedPlaylistId(server: server, user: user, name: name), try exists(known) {
            try client.call("createPlaylist", [("playlistId", known)] + songs)
            try store.rememberPushedPlaylist(server: server, user: user, name: name, playlistId: known)
            return Outcome(name: name, playlistId: known, created: false, songCount: songIds.count, unmatched: unmatched)
        }
        let before = Set(try playlists().filter { $0.name == name }.map(\.id))
        let response = try client.call("createPlaylist", [("name", name)] + songs)
        // API 1.14 answers the new playlist; older servers only say ok, so it is the new id of that name.
        var id = (response["playlist"] as? [String: Any])?["id"].map { "\($0)" }
        if id == nil { id = try playlists().first { $0.name == name && !before.contains($0.id) }?.id }
        guard let id else { throw PushError("\(server) created \(name) but does not list it") }
        try store.rememberPushedPlaylist(server: server, user: user, name: name, playlistId: id)
        return Outcome(name: name, playlistId: id, created: true, songCount: songIds.count, unmatched: unmatched)
    }

    /// False when the server no longer has it (deleted in a player): the next push creates it anew.
    private func exists(_ id: String) throws -> Bool {
        do {
            try client.call("getPlaylist", [("id", id)])
            return true
        } catch let error as PushError where error.code == Self.notFound {
            return false
        }
    }

    private func playlists() throws -> [(id: String, name: String)] {
        let response = try client.call("getPlaylists")
        let entries = (response["playlists"] as? [String: Any])?["playlist"] as? [[String: Any]] ?? []
        return entries.compactMap { entry in
            guard let id = entry["id"], let name = entry["name"] as? String else { return nil }
            return ("\(id)", name)
        }
    }
}
