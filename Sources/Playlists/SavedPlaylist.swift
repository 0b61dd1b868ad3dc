import Foundation
import GRDB
import TrackStore

/// A playlist a user saved: a name, an owner and an ordered list of tracks (the same track may
/// appear twice). `query` is left for playlists saved as a query; a list has none.
public struct SavedPlaylist: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var owner: String
    public var comment: String?
    public var query: String?
    public var trackIds: [Int64]
    public var createdAt: Date
    public var changedAt: Date
}

/// What an update changes; nil fields are kept.
public struct SavedPlaylistChange: Sendable {
    public var name: String?
    public var comment: String?
    /// Replaces the whole list.
    public var trackIds: [Int64]?
    /// Makes it a playlist saved as this query.
    public var query: String?

    public init(name: String? = nil, comment: String? = nil, trackIds: [Int64]? = nil, query: String? = nil) {
        self.name = name
        self.comment = comment
        self.trackIds = trackIds
        self.query = query
    }
}

extension TrackStore {
    /// Every saved playlist, oldest first.
    public func savedPlaylists() throws -> [SavedPlaylist] {
        try dbPool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM saved_playlist ORDER BY id").map { try playlist(from: $0, db) }
        }
    }

    public func savedPlaylist(id: Int64) throws -> SavedPlaylist? {
        try dbPool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM saved_playlist WHERE id = ?", arguments: [id]).map { try playlist(from: $0, db) }
        }
    }

    /// Saves a new playlist and returns it. Ids that name no track are refused, so a list never points nowhere.
    public func createSavedPlaylist(name: String, owner: String, trackIds: [Int64], query: String? = nil,
                                    at date: Date = Date()) throws -> SavedPlaylist {
        let id = try dbPool.write { db -> Int64 in
            try db.execute(sql: "INSERT INTO saved_playlist (name, owner, query, createdAt, changedAt) VALUES (?, ?, ?, ?, ?)",
                           arguments: [name, owner, query, date, date])
            let id = db.lastInsertedRowID
            try replaceEntries(of: id, with: trackIds, db)
            return id
        }
        return try savedPlaylist(id: id)!
    }

    /// Applies a change; false when there is no such playlist.
    @discardableResult
    public func updateSavedPlaylist(id: Int64, _ change: SavedPlaylistChange, at date: Date = Date()) throws -> Bool {
        try dbPool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM saved_playlist WHERE id = ?", arguments: [id]) != nil else { return false }
            if let name = change.name {
                try db.execute(sql: "UPDATE saved_playlist SET name = ? WHERE id = ?", arguments: [name, id])
            }
            if let comment = change.comment {
                try db.execute(sql: "UPDATE saved_playlist SET comment = ? WHERE id = ?", arguments: [comment, id])
            }
            if let query = change.query {
                try db.execute(sql: "UPDATE saved_playlist SET query = ? WHERE id = ?", arguments: [query, id])
            }
            if let trackIds = change.trackIds {
                try replaceEntries(of: id, with: trackIds, db)
            }
            try db.execute(sql: "UPDATE saved_playlist SET changedAt = ? WHERE id = ?", arguments: [date, id])
            return true
        }
    }

    /// False when there was no such playlist.
    @discardableResult
    public func deleteSavedPlaylist(id: Int64) throws -> Bool {
        try dbPool.write { db in
            try db.execute(sql: "DELETE FROM saved_playlist WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    private func replaceEntries(of playlistId: Int64, with trackIds: [Int64], _ db: Database) throws {
        let known = try Set(Int64.fetchAll(db, sql: "SELECT id FROM track"))
        if let unknown = trackIds.first(where: { !known.contains($0) }) {
            throw StoreError.unknownTrack(id: unknown)
        }
        try db.execute(sql: "DELETE FROM saved_playlist_entry WHERE playlistId = ?", arguments: [playlistId])
        for (position, trackId) in trackIds.enumerated() {
            try db.execute(sql: "INSERT INTO saved_playlist_entry (playlistId, position, trackId) VALUES (?, ?, ?)",
                           arguments: [playlistId, position, trackId])
        }
    }

    private func playlist(from row: Row, _ db: Database) throws -> SavedPlaylist {
        let id: Int64 = row["id"]
        let trackIds = try Int64.fetchAll(db, sql: "SELECT trackId FROM saved_playlist_entry WHERE playlistId = ? ORDER BY position",
                                          arguments: [id])
        return SavedPlaylist(id: id, name: row["name"], owner: row["owner"], comment: row["comment"], query: row["query"],
                             trackIds: trackIds, createdAt: row["createdAt"], changedAt: row["changedAt"])
    }
}
