import Foundation
import GRDB
import TrackStore

/// One track's place on the music map, with the analysis stamp it was computed from.
public struct MapPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var stamp: String

    public init(x: Double, y: Double, stamp: String) {
        self.x = x
        self.y = y
        self.stamp = stamp
    }
}

/// A cached music-map projection of one embedding: the plane it projects onto (a mean and two axes),
/// how many tracks that plane was fitted to, a fingerprint of the analyzed set the points cover, and the points.
public struct StoredMapProjection: Sendable, Equatable {
    public var kind: EmbeddingKind
    public var fingerprint: String
    public var mean: [Float]
    public var axisX: [Float]
    public var axisY: [Float]
    public var basisCount: Int
    public var points: [Int64: MapPoint]

    public init(kind: EmbeddingKind, fingerprint: String, mean: [Float], axisX: [Float], axisY: [Float],
                basisCount: Int, points: [Int64: MapPoint]) {
        self.kind = kind
        self.fingerprint = fingerprint
        self.mean = mean
        self.axisX = axisX
        self.axisY = axisY
        self.basisCount = basisCount
        self.points = points
    }
}

extension TrackStore {
    /// The analyzed tracks that have a `kind` embedding, each with its analysis stamp (analyzedAt as stored):
    /// what decides whether a cached map still covers the collection.
    public func mapStamps(_ kind: EmbeddingKind) throws -> [Int64: String] {
        try dbPool.read { db in
            var stamps: [Int64: String] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT track.id, COALESCE(CAST(track.analyzedAt AS TEXT), '') AS stamp FROM track
                JOIN \(kind.group.tableName) ON \(kind.group.tableName).trackId = track.id
                WHERE track.state = ?
                """, arguments: [TrackState.analyzed.rawValue])
            while let row = try rows.next() {
                stamps[row[0]] = row[1]
            }
            return stamps
        }
    }

    public func mapProjection(_ kind: EmbeddingKind) throws -> StoredMapProjection? {
        try dbPool.read { db in
            guard let basis = try Row.fetchOne(db, sql: "SELECT * FROM map_basis WHERE kind = ?", arguments: [kind.rawValue]) else {
                return nil
            }
            var points: [Int64: MapPoint] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT trackId, x, y, stamp FROM map_point WHERE kind = ?",
                                           arguments: [kind.rawValue])
            while let row = try rows.next() {
                points[row[0]] = MapPoint(x: row[1], y: row[2], stamp: row[3])
            }
            func vector(_ column: String) -> [Float] { FloatVector.fromDatabaseValue(basis[column])?.values ?? [] }
            return StoredMapProjection(kind: kind, fingerprint: basis["fingerprint"], mean: vector("mean"),
                                       axisX: vector("axisX"), axisY: vector("axisY"), basisCount: basis["basisCount"],
                                       points: points)
        }
    }

    /// Replaces the cached projection of `projection.kind` with this one.
    public func saveMapProjection(_ projection: StoredMapProjection) throws {
        try dbPool.write { db in
            let kind = projection.kind.rawValue
            try db.execute(sql: "DELETE FROM map_basis WHERE kind = ?", arguments: [kind])
            try db.execute(sql: "INSERT INTO map_basis (kind, fingerprint, mean, axisX, axisY, basisCount) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [kind, projection.fingerprint, FloatVector(projection.mean), FloatVector(projection.axisX),
                                       FloatVector(projection.axisY), projection.basisCount])
            let insert = try db.makeStatement(sql: "INSERT INTO map_point (kind, trackId, x, y, stamp) VALUES (?, ?, ?, ?, ?)")
            for (trackId, point) in projection.points {
                try insert.execute(arguments: [kind, trackId, point.x, point.y, point.stamp])
            }
        }
    }
}
