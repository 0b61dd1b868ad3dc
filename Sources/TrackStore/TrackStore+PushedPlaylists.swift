import Foundation
import GRDB

extension TrackStore {
    /// The id a server gave the playlist tonearm pushed there under this name for this user.
    public func pushedPlaylistId(server: String, user: String, name: String) throws -> String? {
        try dbPool.read { db in
            try String.fetchOne(db, sql: "SELECT playlistId FROM pushed_playlist WHERE server = ? AND user = ? AND name = ?",
                                arguments: [server, user, name])
        }
    }

    public func rememberPushedPlaylist(server: String, user: String, name: String, playlistId: String, at date: Date = Date()) throws {
        try dbPool.write { db in
            try db.execute(sql: """
                INSERT INTO pushed_playlist (server, user, name, playlistId, pushedAt) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (server, user, name) DO UPDATE SET playlistId = excluded.playlistId, pushedAt = excluded.pushedAt
                """, arguments: [server, user, name, playlistId, date])
        }
    }
}
