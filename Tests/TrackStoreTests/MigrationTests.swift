import Foundation
import GRDB
import TestSupport
@testable import TrackStore
import XCTest

/// A store stopped after any migration step (a user who skipped versions) upgrades to exactly the
/// schema of a new store, and keeps its tracks.
final class MigrationTests: TemporaryDirectoryTestCase {
    func testAStoreFromEveryEarlierStepUpgradesToTheCurrentSchema() throws {
        let steps = Schema.migrator.migrations
        XCTAssertGreaterThanOrEqual(steps.count, 10)
        let current = try schema(of: TrackStore(path: directory.appendingPathComponent("new.sqlite").path))
        for step in steps.dropLast() {
            let path = directory.appendingPathComponent("from-\(step).sqlite").path
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: step)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO track (id, path, size, mtime, state) VALUES (1, '/m/a.mp3', 1, 1, 'pending')")
            }
            try queue.close()

            let store = try TrackStore(path: path)
            XCTAssertEqual(try store.dbPool.read { try Schema.migrator.appliedIdentifiers($0) }, Set(steps), "from \(step)")
            XCTAssertEqual(try schema(of: store), current, "from \(step)")
            XCTAssertEqual(try store.status().pending, 1, "from \(step)")
        }
    }

    func testTheSchemaComparisonSeesAMissingStep() throws {
        let path = directory.appendingPathComponent("partial.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: Schema.migrator.migrations[Schema.migrator.migrations.count - 2])
        let partial = try queue.read { try Self.schema($0) }
        try queue.close()
        XCTAssertNotEqual(partial, try schema(of: TrackStore(path: directory.appendingPathComponent("new.sqlite").path)))
    }

    private func schema(of store: TrackStore) throws -> [String] {
        try store.dbPool.read { try Self.schema($0) }
    }

    /// Every table, index and trigger as SQLite keeps its statement, the migrator's own table aside.
    private static func schema(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' ORDER BY type, name
            """)
    }
}
