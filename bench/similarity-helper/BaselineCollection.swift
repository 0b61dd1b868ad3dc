import Foundation
import GRDB
import Playlists
import TrackStore

/// tonearm's start-up read and filter evaluation before the columnar load (Codable records joined
/// through dictionaries; every filter evaluated on every track, the key parsed for each), kept here only
/// as the benchmark's baseline.
struct BaselineCollection {
    struct Item {
        var track: CodableTrack
        var signal: SignalFeatures?
        var evidence: EvidenceFeatures?
        var tempoCNN: TempoCNNFeatures?
        var effnet: EffnetFeatures?
        var musicnn: MusicnnFeatures?
        var shown: ShownDescriptors?
    }

    /// Track decoded by Codable, as `Track` was.
    struct CodableTrack: Codable, FetchableRecord, TableRecord {
        static let databaseTableName = "track"
        var id: Int64?
        var path: String
        var size: Int64
        var mtime: Double
        var state: TrackState
        var duration: Double?
        var sampleRate: Int?
        var channels: Int?
        var codec: String?
        var artist: String?
        var title: String?
        var album: String?
        var analyzedAt: Date?
        var fromExcerpts = false
    }

    let items: [Item]

    init(store: TrackStore) throws {
        items = try store.dbPool.read { db in
            let tracks = try CodableTrack.filter(Column("state") == TrackState.analyzed).order(Column("path")).fetchAll(db)
            let signal = try Dictionary(uniqueKeysWithValues: SignalFeatures.fetchAll(db).map { ($0.trackId, $0) })
            let tempo = try Dictionary(uniqueKeysWithValues: TempoCNNFeatures.fetchAll(db).map { ($0.trackId, $0) })
            let evidence = try Dictionary(uniqueKeysWithValues: EvidenceFeatures.fetchAll(db).map { ($0.trackId, $0) })
            let shown = try Dictionary(uniqueKeysWithValues: ShownDescriptors.fetchAll(db).map { ($0.trackId, $0) })
            var effnet: [Int64: EffnetFeatures] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT trackId, styles, voice, danceability, provenance FROM effnet_features") {
                let styles = FloatVector.fromDatabaseValue(row["styles"])?.values ?? []
                effnet[row["trackId"]] = EffnetFeatures(trackId: row["trackId"], embedding: [], styles: styles,
                                                        voice: row["voice"], danceability: row["danceability"],
                                                        provenance: row["provenance"])
            }
            var musicnn: [Int64: MusicnnFeatures] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT trackId, valence, arousal, provenance FROM musicnn_features") {
                musicnn[row["trackId"]] = MusicnnFeatures(trackId: row["trackId"], embedding: [], valence: row["valence"],
                                                          arousal: row["arousal"], provenance: row["provenance"])
            }
            return tracks.map { track in
                let id = track.id!
                return Item(track: track, signal: signal[id], evidence: evidence[id], tempoCNN: tempo[id],
                            effnet: effnet[id], musicnn: musicnn[id], shown: shown[id])
            }
        }
    }

    /// The ids the query's filters accept, every filter tried on every track; `styleIndices`: the
    /// query's styles' positions in the style labels.
    func accepted(_ query: PlaylistQuery, styleIndices: [Int]) -> Set<Int64> {
        Set(items.compactMap { item -> Int64? in
            let styleScore = item.effnet.flatMap { effnet in
                styleIndices.isEmpty ? nil : styleIndices.compactMap { effnet.styles.values.indices.contains($0) ? Double(effnet.styles.values[$0]) : nil }.max()
            }
            if !styleIndices.isEmpty && (styleScore ?? -1) < query.activation { return nil }
            let key = query.profile.map { item.signal?.key($0) } ?? item.shown?.keyEstimate
            func within(_ range: ValueRange?, _ value: Double?) -> Bool {
                guard let range else { return true }
                return value.map(range.contains) ?? false
            }
            if query.voice != .any && !(item.effnet.map { query.voice == .vocal ? $0.voice >= 0.5 : $0.voice < 0.5 } ?? false) { return nil }
            let keyClass = key.flatMap { KeyClass(key: $0.key, scale: $0.scale) }
            if let tonic = query.tonic, keyClass?.pitchClass != tonic { return nil }
            if let scale = query.scale, keyClass?.scale != scale { return nil }
            let pass = within(query.bpm, item.shown?.bpm) && within(query.danceability, item.shown?.danceability)
                && within(query.arousal, item.musicnn?.arousal) && within(query.valence, item.musicnn?.valence)
                && within(query.loudness, item.signal?.loudnessLufs)
            return pass ? item.track.id! : nil
        })
    }
}
