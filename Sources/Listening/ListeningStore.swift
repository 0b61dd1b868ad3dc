import Foundation
import GRDB
import TrackStore

/// Per-user listening state in the store (the `listening-state` migration): stars, ratings, the
/// listening history with its play counts, what each player is playing and each user's play queue.
/// A user's marks are read once and kept until this object writes them again, so the song entries of
/// every reply cost no query; another process writing the same tables is seen after a restart.
public final class ListeningStore: @unchecked Sendable {
    private let store: TrackStore
    private let lock = NSLock()
    private var cachedMarks: [String: UserMarks] = [:]
    /// Bumped by every write of marks: a read that began before one is not kept.
    private var writes = 0

    public init(store: TrackStore) {
        self.store = store
    }

    public func marks(of user: String) throws -> UserMarks {
        let (cached, writesBefore) = lock.withLock { (cachedMarks[user], writes) }
        if let cached { return cached }
        let marks = try store.dbPool.read { db in
            var marks = UserMarks()
            for row in try Row.fetchAll(db, sql: "SELECT itemId, starredAt FROM user_star WHERE user = ?", arguments: [user]) {
                marks.starred[row[0]] = row[1]
            }
            for row in try Row.fetchAll(db, sql: "SELECT itemId, rating FROM user_rating WHERE user = ?", arguments: [user]) {
                marks.ratings[row[0]] = row[1]
            }
            let plays = try Row.fetchAll(db, sql: "SELECT trackId, count, lastPlayedAt FROM play_count WHERE user = ?", arguments: [user])
            for row in plays { marks.plays[row[0]] = Plays(count: row[1], last: row[2]) }
            return marks
        }
        lock.withLock { if writes == writesBefore { cachedMarks[user] = marks } }
        return marks
    }

    public func star(_ itemIds: [String], by user: String, at date: Date = Date()) throws {
        try changeMarks(of: user) { db in
            for id in itemIds {
                try db.execute(sql: "INSERT OR IGNORE INTO user_star (user, itemId, starredAt) VALUES (?, ?, ?)", arguments: [user, id, date])
            }
        }
    }

    public func unstar(_ itemIds: [String], by user: String) throws {
        try changeMarks(of: user) { db in
            for id in itemIds {
                try db.execute(sql: "DELETE FROM user_star WHERE user = ? AND itemId = ?", arguments: [user, id])
            }
        }
    }

    /// A rating from 1 to 5; 0 removes it.
    public func rate(_ itemId: String, _ rating: Int, by user: String) throws {
        try changeMarks(of: user) { db in
            if rating == 0 {
                try db.execute(sql: "DELETE FROM user_rating WHERE user = ? AND itemId = ?", arguments: [user, itemId])
            } else {
                try db.execute(sql: "INSERT OR REPLACE INTO user_rating (user, itemId, rating) VALUES (?, ?, ?)",
                               arguments: [user, itemId, rating])
            }
        }
    }

    /// Appends plays to the history and counts them; a play ends what that player said it was playing.
    public func recordPlays(_ plays: [(trackId: Int64, at: Date)], by user: String, client: String) throws {
        try changeMarks(of: user) { db in
            for play in plays {
                try db.execute(sql: "INSERT INTO listen (user, trackId, playedAt, client) VALUES (?, ?, ?, ?)",
                               arguments: [user, play.trackId, play.at, client])
                try db.execute(sql: """
                    INSERT INTO play_count (user, trackId, count, lastPlayedAt) VALUES (?, ?, 1, ?)
                    ON CONFLICT (user, trackId) DO UPDATE SET count = count + 1, lastPlayedAt = max(lastPlayedAt, excluded.lastPlayedAt)
                    """, arguments: [user, play.trackId, play.at])
                try db.execute(sql: "DELETE FROM now_playing WHERE user = ? AND client = ? AND trackId = ?",
                               arguments: [user, client, play.trackId])
            }
        }
    }

    public func startPlaying(_ trackId: Int64, by user: String, client: String, at date: Date = Date()) throws {
        try store.dbPool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO now_playing (user, client, trackId, startedAt) VALUES (?, ?, ?, ?)",
                           arguments: [user, client, trackId, date])
        }
    }

    /// What every player said it started, latest first.
    public func nowPlaying() throws -> [NowPlaying] {
        try store.dbPool.read { db in
            try Row.fetchAll(db, sql: "SELECT user, client, trackId, startedAt FROM now_playing ORDER BY startedAt DESC").map {
                NowPlaying(user: $0[0], client: $0[1], trackId: $0[2], startedAt: $0[3])
            }
        }
    }

    /// The tracks the user played last, each once, latest first.
    public func recentTrackIds(of user: String, limit: Int) throws -> [Int64] {
        try store.dbPool.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT trackId FROM play_count WHERE user = ? ORDER BY lastPlayedAt DESC, trackId LIMIT ?
                """, arguments: [user, limit])
        }
    }

    /// Plays of each of these tracks by every user; tracks nobody played are left out.
    public func playCounts(of trackIds: [Int64]) throws -> [Int64: Int] {
        guard !trackIds.isEmpty else { return [:] }
        return try store.dbPool.read { db in
            var counts: [Int64: Int] = [:]
            for chunk in stride(from: 0, to: trackIds.count, by: 500).map({ trackIds[$0..<min($0 + 500, trackIds.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: "SELECT trackId, sum(count) FROM play_count WHERE trackId IN (\(marks)) GROUP BY trackId",
                                            arguments: StatementArguments(Array(chunk)))
                for row in rows { counts[row[0]] = row[1] }
            }
            return counts
        }
    }

    public func playQueue(of user: String) throws -> PlayQueue? {
        try store.dbPool.read { db in
            try Row.fetchOne(db, sql: "SELECT trackIds, currentId, positionMs, changedAt, changedBy FROM play_queue WHERE user = ?",
                             arguments: [user]).map { row in
                let text: String = row[0]
                return PlayQueue(trackIds: text.split(separator: ",").compactMap { Int64($0) }, currentId: row[1],
                                 positionMs: row[2], changedAt: row[3], changedBy: row[4])
            }
        }
    }

    /// Keeps the queue; an empty one forgets it.
    public func savePlayQueue(_ queue: PlayQueue, of user: String) throws {
        try store.dbPool.write { db in
            guard !queue.trackIds.isEmpty else {
                return try db.execute(sql: "DELETE FROM play_queue WHERE user = ?", arguments: [user])
            }
            try db.execute(sql: """
                INSERT OR REPLACE INTO play_queue (user, trackIds, currentId, positionMs, changedAt, changedBy) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [user, queue.trackIds.map(String.init).joined(separator: ","), queue.currentId, queue.positionMs,
                                 queue.changedAt, queue.changedBy])
        }
    }

    /// Writes, then forgets the user's cached marks (also when the write failed: the next read tells).
    private func changeMarks(of user: String, _ change: (Database) throws -> Void) throws {
        defer { lock.withLock { writes += 1; cachedMarks[user] = nil } }
        try store.dbPool.write { try change($0) }
    }
}
