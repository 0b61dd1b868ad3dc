import Foundation
import GRDB

/// A track with every stored descriptor except embeddings: the row the report, playlists and
/// exports work from. Groups a track lacks are nil.
public struct TrackDescriptors: Sendable {
    public var track: Track
    public var signal: SignalFeatures?
    public var evidence: EvidenceFeatures?
    public var tempoCNN: TempoCNNFeatures?
    /// Style activations, voice and danceability; `embedding` is left empty here.
    public var effnet: EffnetFeatures?
    /// Arousal and valence; `embedding` is left empty here.
    public var musicnn: MusicnnFeatures?
    /// The tempo, key and danceability tonearm shows, fused from the groups above.
    public var shown: ShownDescriptors?
}

/// Which mean embedding to compare tracks by.
public enum EmbeddingKind: String, CaseIterable, Sendable {
    case effnet, musicnn

    var group: AnalysisGroup { self == .effnet ? .effnet : .musicnn }
}

extension TrackStore {
    /// All tracks in the given states (analyzed by default) with their descriptors, ordered by path.
    public func descriptors(states: [TrackState] = [.analyzed]) throws -> [TrackDescriptors] {
        try dbPool.read { db in
            let tracks = try Track.filter(states.contains(Track.Columns.state)).order(Track.Columns.path).fetchAll(db)
            let signal = try Dictionary(uniqueKeysWithValues: SignalFeatures.fetchAll(db).map { ($0.trackId, $0) })
            let tempo = try Dictionary(uniqueKeysWithValues: TempoCNNFeatures.fetchAll(db).map { ($0.trackId, $0) })
            let evidence = try Dictionary(uniqueKeysWithValues: EvidenceFeatures.fetchAll(db).map { ($0.trackId, $0) })
            let shown = try Dictionary(uniqueKeysWithValues: ShownDescriptors.fetchAll(db).map { ($0.trackId, $0) })
            var effnet: [Int64: EffnetFeatures] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT trackId, styles, voice, danceability, provenance FROM \(AnalysisGroup.effnet.tableName)") {
                let styles = FloatVector.fromDatabaseValue(row["styles"])?.values ?? []
                effnet[row["trackId"]] = EffnetFeatures(trackId: row["trackId"], embedding: [], styles: styles,
                                                        voice: row["voice"], danceability: row["danceability"],
                                                        provenance: row["provenance"])
            }
            var musicnn: [Int64: MusicnnFeatures] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT trackId, valence, arousal, provenance FROM \(AnalysisGroup.musicnn.tableName)") {
                musicnn[row["trackId"]] = MusicnnFeatures(trackId: row["trackId"], embedding: [], valence: row["valence"],
                                                          arousal: row["arousal"], provenance: row["provenance"])
            }
            return tracks.map { track in
                let id = track.id!
                return TrackDescriptors(track: track, signal: signal[id], evidence: evidence[id], tempoCNN: tempo[id],
                                        effnet: effnet[id], musicnn: musicnn[id], shown: shown[id])
            }
        }
    }

    /// Mean embeddings of every track that has them, by track id.
    public func embeddings(_ kind: EmbeddingKind) throws -> [Int64: [Float]] {
        try dbPool.read { db in
            var result: [Int64: [Float]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT trackId, embedding FROM \(kind.group.tableName)")
            while let row = try rows.next() {
                result[row["trackId"]] = FloatVector.fromDatabaseValue(row["embedding"])?.values
            }
            return result
        }
    }

    public func track(id: Int64) throws -> Track? {
        try dbPool.read { try Track.fetchOne($0, key: id) }
    }

    public func track(path: String) throws -> Track? {
        try dbPool.read { try Track.filter(Track.Columns.path == path).fetchOne($0) }
    }

    public func errors() throws -> [AnalysisError] {
        try dbPool.read { try AnalysisError.order(Column("path")).fetchAll($0) }
    }
}
