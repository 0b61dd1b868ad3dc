import Foundation
import GRDB

/// What the store remembers about a file, enough to tell whether it changed on disk.
public struct StoredFile: Sendable, Equatable {
    public var id: Int64
    public var size: Int64
    public var mtime: Double
    public var state: TrackState

    public init(id: Int64, size: Int64, mtime: Double, state: TrackState) {
        self.id = id
        self.size = size
        self.mtime = mtime
        self.state = state
    }
}

/// A file found on disk by the scanner.
public struct FoundFile: Sendable, Equatable {
    public var rawPath: RawPath
    public var size: Int64
    public var mtime: Double

    /// The readable form, the key the store knows the file by.
    public var path: String { rawPath.display }

    public init(rawPath: RawPath, size: Int64, mtime: Double) {
        self.rawPath = rawPath
        self.size = size
        self.mtime = mtime
    }

    public init(path: String, size: Int64, mtime: Double) {
        self.init(rawPath: RawPath(path), size: size, mtime: mtime)
    }
}

extension TrackStore {
    public func storedFiles() throws -> [String: StoredFile] {
        try dbPool.read { db in
            var files: [String: StoredFile] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, path, size, mtime, state FROM track")
            while let row = try rows.next() {
                files[row["path"]] = StoredFile(id: row["id"], size: row["size"], mtime: row["mtime"],
                                                state: TrackState(rawValue: row["state"]) ?? .pending)
            }
            return files
        }
    }

    /// Records new files as pending, resets changed ones (their old descriptors describe other audio),
    /// and marks vanished ones missing. One transaction: a crash leaves the previous state intact.
    public func applyScan(added: [FoundFile], changed: [(id: Int64, file: FoundFile)],
                          reappeared: [Int64], vanished: [Int64]) throws {
        try dbPool.write { db in
            // One prepared statement instead of a record insert per file: a first scan inserts 100,000s of rows.
            let insert = try db.cachedStatement(sql: "INSERT INTO track (path, pathBytes, size, mtime, state) VALUES (?, ?, ?, ?, ?)")
            for file in added {
                let bytes = file.rawPath.isUTF8 ? nil : Data(file.rawPath.bytes)
                try insert.execute(arguments: [file.path, bytes, file.size, file.mtime, TrackState.pending])
            }
            for (id, file) in changed {
                for group in AnalysisGroup.allCases {
                    try db.execute(sql: "DELETE FROM \(group.tableName) WHERE trackId = ?", arguments: [id])
                }
                try db.execute(sql: "DELETE FROM analysis_error WHERE trackId = ?", arguments: [id])
                try db.execute(sql: "UPDATE track SET size = ?, mtime = ?, state = ?, analyzedAt = NULL WHERE id = ?",
                               arguments: [file.size, file.mtime, TrackState.pending, id])
            }
            for id in reappeared {
                try db.execute(sql: "UPDATE track SET state = ? WHERE id = ?", arguments: [TrackState.pending, id])
            }
            for id in vanished {
                try db.execute(sql: "UPDATE track SET state = ? WHERE id = ?", arguments: [TrackState.missing, id])
            }
        }
    }

    /// For every track, the provenance of each stored group.
    public func storedGroups() throws -> [Int64: [AnalysisGroup: String]] {
        try dbPool.read { db in
            var groups: [Int64: [AnalysisGroup: String]] = [:]
            for group in AnalysisGroup.allCases {
                let rows = try Row.fetchCursor(db, sql: "SELECT trackId, provenance FROM \(group.smallColumnsTable)")
                while let row = try rows.next() {
                    groups[row["trackId"], default: [:]][group] = row["provenance"]
                }
            }
            return groups
        }
    }

    /// Deletes the tracks marked missing; returns how many.
    @discardableResult
    public func pruneMissing() throws -> Int {
        try dbPool.write { db in
            try Track.filter(Track.Columns.state == TrackState.missing).deleteAll(db)
        }
    }
}
