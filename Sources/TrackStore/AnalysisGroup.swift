/// A set of descriptors computed together by one worker pass and invalidated together.
/// Each group is stored with the provenance (model names + sha256) of what produced it,
/// so a missing or upgraded model recomputes only its own group.
public enum AnalysisGroup: String, CaseIterable, Codable, Sendable, Comparable {
    /// Decoded-signal descriptors: RhythmExtractor2013, three key profiles, EBU R128 loudness.
    case signal
    /// Cheap extra tempo and key evidence (beat-interval peaks, DSP danceability, two more key
    /// profiles) that the shown tempo and key are fused from.
    case evidence
    /// TempoCNN tempo estimate (deeptemp-k16-3).
    case tempoCNN = "tempocnn"
    /// Discogs-EffNet embedding and its heads: 400 styles, voice/instrumental, danceability.
    case effnet
    /// MSD-MusiCNN embedding and the emomusic arousal/valence head.
    case musicnn
    /// Track/disc number, year, genre, album artist, bitrate, embedded picture: read without decoding.
    case tags

    public var tableName: String {
        switch self {
        case .signal: return "signal_features"
        case .evidence: return "evidence_features"
        case .tempoCNN: return "tempocnn_features"
        case .effnet: return "effnet_features"
        case .musicnn: return "musicnn_features"
        case .tags: return TrackTags.databaseTableName
        }
    }

    /// Where the group's provenance and scalar outputs are read from without its embedding: effnet's
    /// are copied apart (migration "heads-apart-from-embeddings").
    public var smallColumnsTable: String { self == .effnet ? "effnet_heads" : tableName }

    public static func < (lhs: AnalysisGroup, rhs: AnalysisGroup) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
