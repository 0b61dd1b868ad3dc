import Foundation
import TrackStore

/// The export's text formats; Parquet, a binary one, is written from the same typed columns by the Export module.
public enum TextFormat: String, CaseIterable, Sendable {
    case csv, jsonl
}

/// Which style activations the export carries.
public enum StyleColumns: String, CaseIterable, Sendable {
    /// The three strongest styles, as name and activation.
    case top
    /// All 400 activations besides: one column per style (CSV, Parquet) or one array (JSON Lines).
    case all
}

/// The type of an export column, as a typed format (Parquet) stores it.
public enum ExportType: String, Sendable {
    case string, int64, float64, float32
}

/// One cell of the export. Numbers keep their stored precision: float32 values (style activations)
/// stay float32, so a typed reader gets exactly what the store holds.
public enum ExportValue: Equatable, Sendable {
    case text(String)
    case integer(Int)
    case real(Double)
    case single(Float)
    /// An array of float32 values (all style activations, JSON Lines only).
    case singles([Float])
    case missing

    static func real(_ value: Double?) -> ExportValue {
        guard let value, value.isFinite else { return .missing }
        return .real(value)
    }

    static func float32(_ value: Float) -> ExportValue {
        value.isFinite ? .single(value) : .missing
    }

    static func integer(_ value: Int?) -> ExportValue {
        value.map { .integer($0) } ?? .missing
    }

    static func text(_ value: String?) -> ExportValue {
        guard let value, !value.isEmpty else { return .missing }
        return .text(value)
    }

    /// The number as text: Swift's shortest form that reads back to the same value of its own type.
    var numberText: String? {
        switch self {
        case .integer(let value): return "\(value)"
        case .real(let value): return "\(value)"
        case .single(let value): return "\(value)"
        case .text, .singles, .missing: return nil
        }
    }
}

/// One row per track with every scalar descriptor and the strongest styles (or all of them): the
/// features in a shape pandas, R or a spreadsheet reads directly. Rows are the store's tracks by path.
public struct TrackExport: Sendable {
    public static let topStyles = 3

    public struct Column: Sendable {
        public var name: String
        public var type: ExportType
        fileprivate var value: @Sendable (TrackDescriptors) -> ExportValue
    }

    /// The columns of the flat table (CSV, Parquet): with `.all`, one per style after the others.
    public let columns: [Column]
    public let rows: [[ExportValue]]
    /// With `.all`, the style names in model order; the JSON Lines array follows this order.
    public let styleNames: [String]

    public init(_ data: ReportData, styles: StyleColumns = .top) {
        let styleCount = max(data.styleLabels.count, data.tracks.compactMap(\.effnet?.styles.values.count).max() ?? 0)
        styleNames = styles == .all ? (0..<styleCount).map { data.styleLabel($0).full } : []
        let topColumns = (0..<Self.topStyles).flatMap { rank in
            [Column(name: "style\(rank + 1)", type: .string) { track in
                 track.effnet.flatMap { data.strongestStyles($0, count: rank + 1).dropFirst(rank).first }
                     .map { .text($0.label.full) } ?? .missing
             },
             Column(name: "style\(rank + 1)_activation", type: .float32) { track in
                 track.effnet.flatMap { data.strongestStyles($0, count: rank + 1).dropFirst(rank).first }
                     .map { .float32($0.activation) } ?? .missing
             }]
        }
        let allColumns = styleNames.enumerated().map { index, name in
            Column(name: name, type: .float32) { track in
                guard let values = track.effnet?.styles.values, index < values.count else { return .missing }
                return .float32(values[index])
            }
        }
        let columns = Self.trackColumns + Self.shownColumns + Self.signalColumns + Self.evidenceColumns + Self.modelColumns
            + topColumns + allColumns
        self.columns = columns
        rows = data.tracks.map { track in columns.map { $0.value(track) } }
    }

    public func text(_ format: TextFormat) -> String {
        var text = ""
        switch format {
        case .csv:
            text.write(Self.csvLine(columns.map { .text($0.name) }))
            for row in rows { text.write(Self.csvLine(row)) }
        case .jsonl:
            for row in rows { text.write(Self.jsonLine(nestingStyles(row))) }
        }
        return text
    }

    /// JSON Lines keeps one object per track readable: all style activations become one `styles` array.
    private func nestingStyles(_ row: [ExportValue]) -> [(String, ExportValue)] {
        let flat = columns.count - styleNames.count
        let pairs = zip(columns.prefix(flat).map(\.name), row.prefix(flat)).map { ($0, $1) }
        guard !styleNames.isEmpty else { return pairs }
        let activations = row.dropFirst(flat).compactMap { value -> Float? in
            if case .single(let activation) = value { return activation }
            return nil
        }
        return pairs + [("styles", activations.count == styleNames.count ? .singles(activations) : .missing)]
    }

    private static let trackColumns: [Column] = [
        Column(name: "id", type: .int64) { .integer($0.track.id.map(Int.init)) },
        Column(name: "path", type: .string) { .text($0.track.path) },
        // CSV, JSON Lines and Parquet strings are UTF-8, so a name that is not keeps its exact bytes as hex
        // here (`path` is then its readable form); empty for every UTF-8 name.
        Column(name: "path_bytes", type: .string) { .text($0.track.pathBytes.map { $0.map { String(format: "%02x", $0) }.joined() }) },
        Column(name: "state", type: .string) { .text($0.track.state.rawValue) },
        Column(name: "artist", type: .string) { .text($0.track.artist) },
        Column(name: "title", type: .string) { .text($0.track.title) },
        Column(name: "album", type: .string) { .text($0.track.album) },
        Column(name: "duration_s", type: .float64) { .real($0.track.duration) },
        Column(name: "codec", type: .string) { .text($0.track.codec) },
        Column(name: "sample_rate", type: .int64) { .integer($0.track.sampleRate) },
        Column(name: "channels", type: .int64) { .integer($0.track.channels) },
        Column(name: "from_excerpts", type: .int64) { .integer($0.track.fromExcerpts ? 1 : 0) },
    ]

    private static let signalColumns: [Column] = [
        Column(name: "bpm", type: .float64) { .real($0.signal?.bpm) },
        Column(name: "bpm_confidence", type: .float64) { .real($0.signal?.bpmConfidence) },
        Column(name: "tempocnn_bpm", type: .float64) { .real($0.tempoCNN?.bpm) },
        Column(name: "tempocnn_local_agreement", type: .float64) { .real($0.tempoCNN?.localAgreement) },
    ] + KeyProfile.allCases.flatMap { profile in
        [Column(name: "key_\(profile.rawValue)", type: .string) { .text($0.signal?.key(profile).key) },
         Column(name: "scale_\(profile.rawValue)", type: .string) { .text($0.signal?.key(profile).scale) },
         Column(name: "key_strength_\(profile.rawValue)", type: .float64) { .real($0.signal?.key(profile).strength) }]
    } + [
        Column(name: "loudness_lufs", type: .float64) { .real($0.signal?.loudnessLufs) },
        Column(name: "loudness_range_lu", type: .float64) { .real($0.signal?.loudnessRangeLu) },
    ]

    /// What tonearm shows (fused from the raw estimates that follow).
    private static let shownColumns: [Column] = [
        Column(name: "shown_bpm", type: .float64) { .real($0.shown?.bpm) },
        Column(name: "shown_bpm_decided_by", type: .string) { .text($0.shown?.bpmDecidedBy) },
        Column(name: "shown_key", type: .string) { .text($0.shown?.key) },
        Column(name: "shown_scale", type: .string) { .text($0.shown?.scale) },
        Column(name: "shown_key_confidence", type: .float64) { .real($0.shown?.keyConfidence) },
        Column(name: "shown_key_decided_by", type: .string) { .text($0.shown?.keyDecidedBy) },
        Column(name: "shown_danceability", type: .float64) { .real($0.shown?.danceability) },
        Column(name: "shown_danceability_source", type: .string) { .text($0.shown?.danceabilitySource) },
    ]

    /// The evidence group's raw estimates; key columns are named by profile.
    private static let evidenceColumns: [Column] = [
        Column(name: "beat_median_bpm", type: .float64) { .real($0.evidence?.beatMedianBpm) },
        Column(name: "beat_peak1_bpm", type: .float64) { .real($0.evidence?.beatPeak1Bpm) },
        Column(name: "beat_peak1_weight", type: .float64) { .real($0.evidence?.beatPeak1Weight) },
        Column(name: "beat_peak2_bpm", type: .float64) { .real($0.evidence?.beatPeak2Bpm) },
        Column(name: "beat_peak2_weight", type: .float64) { .real($0.evidence?.beatPeak2Weight) },
        Column(name: "danceability_dsp", type: .float64) { .real($0.evidence?.danceabilityDsp) },
        Column(name: "tuning_hz", type: .float64) { .real($0.evidence?.tuningHz) },
    ] + EvidenceFeatures.keyNames.flatMap { name in
        [Column(name: "key_\(name)", type: .string) { .text($0.evidence?.key(name)?.key) },
         Column(name: "scale_\(name)", type: .string) { .text($0.evidence?.key(name)?.scale) },
         Column(name: "key_strength_\(name)", type: .float64) { .real($0.evidence?.key(name)?.strength) }]
    }

    private static let modelColumns: [Column] = [
        Column(name: "voice", type: .float64) { .real($0.effnet?.voice) },
        Column(name: "instrumental", type: .float64) { .real($0.effnet.map { 1 - $0.voice }) },
        Column(name: "danceability", type: .float64) { .real($0.effnet?.danceability) },
        Column(name: "valence", type: .float64) { .real($0.musicnn?.valence) },
        Column(name: "arousal", type: .float64) { .real($0.musicnn?.arousal) },
    ]

    /// RFC 4180: CRLF line ends; fields with a comma, quote or line break are quoted, quotes doubled.
    public static func csvLine(_ values: [ExportValue]) -> String {
        values.map { value in
            guard case .text(let text) = value else { return value.numberText ?? "" }
            guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }

    static func jsonLine(_ pairs: [(String, ExportValue)]) -> String {
        "{" + pairs.map { name, value in JSONText.string(name) + ":" + JSONText.value(value) }.joined(separator: ",") + "}\n"
    }
}

/// JSON text for export values, written by hand so numbers keep Swift's shortest exact form.
public enum JSONText {
    public static func value(_ value: ExportValue) -> String {
        switch value {
        case .missing: return "null"
        case .text(let text): return string(text)
        case .singles(let values): return "[" + values.map { "\($0)" }.joined(separator: ",") + "]"
        case .integer, .real, .single: return value.numberText!
        }
    }

    public static func string(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        // Encoding a lone string cannot fail: it has no non-finite numbers or invalid keys.
        return String(decoding: try! encoder.encode(text), as: UTF8.self)
    }
}
