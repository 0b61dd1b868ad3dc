import Foundation
import GRDB

/// The collection database: one SQLite file in WAL mode, one writer and concurrent readers.
public final class TrackStore: Sendable {
    public let path: String
    public let dbPool: DatabasePool

    /// Opens (creating if needed) and migrates the store. A store written by a newer
    /// tonearm is refused rather than touched.
    /// A writable open also recomputes the shown descriptors made by an older rule version.
    /// A read-only store never migrates or writes: reporting and serving can't alter a collection.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        do {
            var config = Configuration()
            config.busyMode = .timeout(10)
            config.readonly = readOnly
            dbPool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
        let migrator = Schema.migrator
        do {
            if try dbPool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError.newerSchema(path: path)
            }
            if readOnly {
                guard try dbPool.read({ try migrator.hasCompletedMigrations($0) }) else {
                    throw StoreError.cannotOpen(path: path, reason: "written by an older tonearm; run `tonearm analyze` once to upgrade it")
                }
            } else {
                try migrator.migrate(dbPool)
                try dbPool.write { try ShownDescriptors.refreshStale(in: $0) }
            }
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// Opens an existing store for reading commands, failing clearly when there is none.
    public static func openExisting(path: String, readOnly: Bool = true) throws -> TrackStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.cannotOpen(path: path, reason: "no such file (run `tonearm analyze` first, or pass --db)")
        }
        return try TrackStore(path: path, readOnly: readOnly)
    }
}
