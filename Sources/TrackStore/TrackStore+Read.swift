import Foundation
import GRDB

/// A track with every stored descriptor except embeddings: the row the report, playlists and
/// exports work from. Groups a track lacks are nil.
public struct TrackDescriptors: Sendable {
    public var track: Track
    public var signal: SignalFeatures?
    /// Also nil when the reader asked for descriptors without this group.
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

    public var group: AnalysisGroup { self == .effnet ? .effnet : .musicnn }
}

extension TrackStore {
    /// All tracks in the given states (analyzed by default) with their descriptors, ordered by path.
    /// `evidence: false` leaves out the evidence group (its JSON key estimates are the slowest rows to
    /// read, and only the report and evaluation look at them).
    ///
    /// Rows are read by column index into a list placed by track id, not decoded by Codable into
    /// dictionaries: this is `serve`'s start-up, a million tracks in a big collection.
    public func descriptors(states: [TrackState] = [.analyzed], evidence: Bool = true) throws -> [TrackDescriptors] {
        try dbPool.read { db in
            let request = Track.filter(states.contains(Track.Columns.state))
            var result: [TrackDescriptors] = []
            result.reserveCapacity(try request.fetchCount(db))
            var positions = TrackPositions()
            let tracks = try request.order(Track.Columns.path).fetchCursor(db)
            while let track = try tracks.next() {
                positions.set(track.id!, result.count)
                result.append(TrackDescriptors(track: track))
            }
            var shared = StringInterner()
            func each(_ sql: String, _ body: (Row, inout TrackDescriptors) throws -> Void) throws {
                let rows = try Row.fetchCursor(db, sql: sql)
                while let row = try rows.next() {
                    if let position = positions[row[0]] { try body(row, &result[position]) }
                }
            }
            try each("""
                SELECT trackId, bpm, bpmConfidence, keyTemperley, scaleTemperley, strengthTemperley, keyKrumhansl,
                       scaleKrumhansl, strengthKrumhansl, keyEdma, scaleEdma, strengthEdma, loudnessLufs, loudnessRangeLu,
                       provenance FROM \(AnalysisGroup.signal.tableName)
                """) { row, item in
                var signal = SignalFeatures(trackId: row[0], bpm: row[1], bpmConfidence: row[2], keys: [:],
                                            loudnessLufs: row[12], loudnessRangeLu: row[13], provenance: shared(row[14]))
                (signal.keyTemperley, signal.scaleTemperley, signal.strengthTemperley) = (row[3], row[4], row[5])
                (signal.keyKrumhansl, signal.scaleKrumhansl, signal.strengthKrumhansl) = (row[6], row[7], row[8])
                (signal.keyEdma, signal.scaleEdma, signal.strengthEdma) = (row[9], row[10], row[11])
                item.signal = signal
            }
            try each("SELECT trackId, bpm, localAgreement, provenance FROM \(AnalysisGroup.tempoCNN.tableName)") { row, item in
                item.tempoCNN = TempoCNNFeatures(trackId: row[0], bpm: row[1], localAgreement: row[2], provenance: shared(row[3]))
            }
            if evidence {
                let groups = try EvidenceFeatures.fetchCursor(db)
                while let group = try groups.next() {
                    if let position = positions[group.trackId] { result[position].evidence = group }
                }
            }
            try each("""
                SELECT trackId, bpm, bpmDecidedBy, bpmAlternative, key, scale, keyDecidedBy, keyConfidence, danceability,
                       danceabilitySource, ruleVersion FROM \(ShownDescriptors.databaseTableName)
                """) { row, item in
                item.shown = ShownDescriptors(trackId: row[0], bpm: row[1], bpmDecidedBy: row[2], bpmAlternative: row[3],
                                              key: row[4], scale: row[5], keyDecidedBy: row[6], keyConfidence: row[7],
                                              danceability: row[8], danceabilitySource: row[9], ruleVersion: row[10])
            }
            try each("SELECT trackId, styles, voice, danceability, provenance FROM \(AnalysisGroup.effnet.smallColumnsTable)") { row, item in
                var styles: [Float] = []
                _ = try row.withUnsafeData(atIndex: 1) { data in data.map { FloatVector.append($0, to: &styles) } }
                item.effnet = EffnetFeatures(trackId: row[0], embedding: [], styles: styles, voice: row[2],
                                             danceability: row[3], provenance: shared(row[4]))
            }
            try each("SELECT trackId, valence, arousal, provenance FROM \(AnalysisGroup.musicnn.tableName)") { row, item in
                item.musicnn = MusicnnFeatures(trackId: row[0], embedding: [], valence: row[1], arousal: row[2],
                                               provenance: shared(row[3]))
            }
            return result
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

    /// The mean embeddings of the tracks in the given states (analyzed by default) as one matrix,
    /// ids ascending. Vectors of another length than the first are left out. Copies each BLOB once.
    public func embeddingMatrix(_ kind: EmbeddingKind, states: [TrackState] = [.analyzed]) throws -> EmbeddingMatrix {
        try dbPool.read { db in
            let stateList = states.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let rowsSQL = """
                FROM \(kind.group.tableName) WHERE trackId IN (SELECT id FROM track WHERE state IN (\(stateList)))
                """
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(rowsSQL)") ?? 0
            let rows = try Row.fetchCursor(db, sql: "SELECT trackId, embedding \(rowsSQL) ORDER BY trackId")
            var ids: [Int64] = [], values: [Float] = [], dimension: Int?
            while let row = try rows.next() {
                try row.withUnsafeData(atIndex: 1) { data in
                    guard let data, data.count % 4 == 0 else { return }
                    if dimension == nil {
                        dimension = data.count / 4
                        values.reserveCapacity(total * data.count / 4)
                        ids.reserveCapacity(total)
                    }
                    guard data.count == dimension! * 4 else { return }
                    ids.append(row[0])
                    _ = FloatVector.append(data, to: &values)
                }
            }
            return EmbeddingMatrix(ids: ids, dimension: dimension ?? 0, values: values)
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

extension TrackDescriptors {
    init(track: Track) {
        self.track = track
    }
}
