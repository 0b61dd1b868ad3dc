import GRDB

/// Notices commits to the store by any other connection or process (a concurrent `analyze`).
/// SQLite's `data_version` only means something when read again on the same connection, so the
/// watcher holds one connection of its own rather than asking the store's pool.
public final class StoreChangeWatcher: Sendable {
    private let connection: DatabaseQueue

    public init(store: TrackStore) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        connection = try DatabaseQueue(path: store.path, configuration: config)
    }

    /// Differs from the previous answer exactly when another connection committed in between.
    public func dataVersion() throws -> Int {
        try connection.inDatabase { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
    }

    /// What the collection `serve` shows depends on: the tracks per state, the latest analysis and the
    /// embeddings' generations. Per-user listening state and saved playlists are left out, so a
    /// scrobble or a star (a commit too) does not make `serve` reload the whole collection.
    public func collectionStamp() throws -> String {
        try connection.inDatabase { db in
            try String.fetchOne(db, sql: """
                SELECT ifnull((SELECT group_concat(state || ':' || n) FROM (SELECT state, count(*) AS n FROM track GROUP BY state)), '')
                    || '|' || ifnull((SELECT max(analyzedAt) FROM track), '')
                    || '|' || ifnull((SELECT group_concat(kind || ':' || generation) FROM embedding_generation), '')
                """) ?? ""
        }
    }
}
