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
}
