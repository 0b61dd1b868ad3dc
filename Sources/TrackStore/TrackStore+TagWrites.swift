import Foundation
import GRDB

/// Field values as a tag library reads them: each of the file's own keys (`TBPM`, `TXXX:MOOD`,
/// `tmpo`, …) to its list of values, nil for an absent field.
public typealias TagValues = [String: [String]?]

/// One write of tags into a file by tonearm (`tonearm tag`), or an undo of such writes, as the store
/// keeps it: enough to tell whether the file on disk is the one before or after the write, and to
/// put every field it set back as it was.
public struct TagWrite: Sendable, Equatable {
    public enum Kind: String, Sendable { case tag, undo }
    /// `prepared`: the checked copy exists and is about to replace the file; `written`: it did.
    public enum State: String, Sendable { case prepared, written }

    public var id: Int64?
    public var trackId: Int64
    public var kind: Kind
    public var state: State
    public var oldSize: Int64
    public var oldMtime: Double
    public var newSize: Int64
    public var newMtime: Double
    public var oldValues: TagValues
    public var newValues: TagValues
    public var at: Date

    public init(trackId: Int64, kind: Kind, oldSize: Int64, oldMtime: Double, newSize: Int64, newMtime: Double,
                oldValues: TagValues, newValues: TagValues, at: Date = Date()) {
        self.trackId = trackId
        self.kind = kind
        state = .prepared
        self.oldSize = oldSize
        self.oldMtime = oldMtime
        self.newSize = newSize
        self.newMtime = newMtime
        self.oldValues = oldValues
        self.newValues = newValues
        self.at = at
    }

    init(row: Row) throws {
        id = row["id"]
        trackId = row["trackId"]
        kind = Kind(rawValue: row["kind"]) ?? .tag
        state = State(rawValue: row["state"]) ?? .prepared
        oldSize = row["oldSize"]
        oldMtime = row["oldMtime"]
        newSize = row["newSize"]
        newMtime = row["newMtime"]
        oldValues = try Self.decode(row["oldValues"])
        newValues = try Self.decode(row["newValues"])
        at = row["at"]
    }

    static func encode(_ values: TagValues) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(values), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> TagValues {
        try JSONDecoder().decode(TagValues.self, from: Data(text.utf8))
    }
}

extension TrackStore {
    /// Records a write whose checked copy is ready, before it replaces the file: whatever happens
    /// next, the store knows both the file's sizes and times and the values it had.
    public func prepare(_ write: TagWrite) throws -> Int64 {
        try dbPool.write { db in
            try db.execute(sql: """
                INSERT INTO tag_write (trackId, kind, state, oldSize, oldMtime, newSize, newMtime, oldValues, newValues, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [write.trackId, write.kind.rawValue, TagWrite.State.prepared.rawValue, write.oldSize,
                                 write.oldMtime, write.newSize, write.newMtime, try TagWrite.encode(write.oldValues),
                                 try TagWrite.encode(write.newValues), write.at])
            return db.lastInsertedRowID
        }
    }

    /// The copy replaced the file: the track takes the file's new size and time (so the next scan
    /// does not take tonearm's own write for a changed file), and an undo retires the writes it undid.
    public func completeTagWrite(id: Int64) throws {
        try dbPool.write { db in try Self.complete(id: id, in: db) }
    }

    /// The copy never replaced the file.
    public func discardTagWrite(id: Int64) throws {
        try dbPool.write { db in
            try db.execute(sql: "DELETE FROM tag_write WHERE id = ? AND state = 'prepared'", arguments: [id])
        }
    }

    /// Writes interrupted between their record and its completion, with their track's path.
    public func preparedTagWrites() throws -> [(write: TagWrite, path: RawPath)] {
        try dbPool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT w.*, t.path AS trackPath, t.pathBytes AS trackPathBytes FROM tag_write w
                JOIN track t ON t.id = w.trackId WHERE w.state = 'prepared' ORDER BY w.id
                """).map { row in
                let bytes: Data? = row["trackPathBytes"]
                return (try TagWrite(row: row), bytes.map { RawPath(bytes: Array($0)) } ?? RawPath(row["trackPath"] as String))
            }
        }
    }

    /// Settles interrupted writes by the file as it is now: the new size and time mean the rename
    /// happened, the old ones that it did not; anything else (changed since) is left for the scan.
    public func settleTagWrites(current: (RawPath) -> (size: Int64, mtime: Double)?) throws {
        for (write, path) in try preparedTagWrites() {
            guard let id = write.id, let now = current(path) else { continue }
            if now.size == write.newSize && now.mtime == write.newMtime {
                try completeTagWrite(id: id)
            } else if now.size == write.oldSize && now.mtime == write.oldMtime {
                try discardTagWrite(id: id)
            }
        }
    }

    /// Every track's written tag writes that no undo has retired yet, oldest first.
    public func activeTagWrites() throws -> [Int64: [TagWrite]] {
        try dbPool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM tag_write WHERE kind = 'tag' AND state = 'written' AND undoneBy IS NULL ORDER BY id
                """)
            return Dictionary(grouping: try rows.map(TagWrite.init(row:)), by: \.trackId)
        }
    }

    private static func complete(id: Int64, in db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM tag_write WHERE id = ?", arguments: [id]) else { return }
        let write = try TagWrite(row: row)
        try db.execute(sql: "UPDATE tag_write SET state = 'written' WHERE id = ?", arguments: [id])
        try db.execute(sql: "UPDATE track SET size = ?, mtime = ? WHERE id = ?",
                       arguments: [write.newSize, write.newMtime, write.trackId])
        if write.kind == .undo {
            try db.execute(sql: """
                UPDATE tag_write SET undoneBy = ? WHERE trackId = ? AND kind = 'tag' AND undoneBy IS NULL AND id < ?
                """, arguments: [id, write.trackId, id])
        }
    }
}
