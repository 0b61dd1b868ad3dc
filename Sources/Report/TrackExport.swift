import Foundation
import TrackStore

public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, jsonl
}

/// One cell of the export: text, a number already written as its shortest exact decimal, or nothing.
public enum ExportValue: Equatable, Sendable {
    case text(String)
    case number(String)
    case missing

    static func number(_ value: Double?) -> ExportValue {
        guard let value, value.isFinite else { return .missing }
        return .number("\(value)")
    }

    static func number(_ value: Int?) -> ExportValue {
        value.map { .number("\($0)") } ?? .missing
    }

    static func text(_ value: String?) -> ExportValue {
        guard let value, !value.isEmpty else { return .missing }
        return .text(value)
    }
}

/// One row per track with every scalar descriptor and the strongest styles: the features in a shape
/// pandas, R or a spreadsheet reads directly.
public struct TrackExport: Sendable {
    public static let topStyles = 3

    private struct Column {
        var name: String
        var value: (TrackDescriptors) -> ExportValue
    }

    public let columns: [String]
    public let rows: [[ExportValue]]

    public init(_ data: ReportData) {
        let descriptorColumns = Self.trackColumns + Self.signalColumns + Self.modelColumns
        columns = descriptorColumns.map(\.name)
            + (1...Self.topStyles).flatMap { ["style\($0)", "style\($0)_activation"] }
        rows = data.tracks.map { track in
            let styles = track.effnet.map { data.strongestStyles($0, count: Self.topStyles) } ?? []
            return descriptorColumns.map { $0.value(track) } + (0..<Self.topStyles).flatMap { rank in
                rank < styles.count ? [.text(styles[rank].label.full), .number("\(styles[rank].activation)")]
                    : [ExportValue.missing, .missing]
            }
        }
    }

    public func text(_ format: ExportFormat) -> String {
        var text = ""
        write(format, to: &text)
        return text
    }

    private func write<Output: TextOutputStream>(_ format: ExportFormat, to output: inout Output) {
        switch format {
        case .csv:
            output.write(Self.csvLine(columns.map(ExportValue.text)))
            for row in rows { output.write(Self.csvLine(row)) }
        case .jsonl:
            for row in rows { output.write(Self.jsonLine(zip(columns, row))) }
        }
    }

    private static let trackColumns: [Column] = [
        Column(name: "path") { .text($0.track.path) },
        Column(name: "state") { .text($0.track.state.rawValue) },
        Column(name: "artist") { .text($0.track.artist) },
        Column(name: "title") { .text($0.track.title) },
        Column(name: "album") { .text($0.track.album) },
        Column(name: "duration_s") { .number($0.track.duration) },
        Column(name: "codec") { .text($0.track.codec) },
        Column(name: "sample_rate") { .number($0.track.sampleRate) },
        Column(name: "channels") { .number($0.track.channels) },
        Column(name: "from_excerpts") { .number($0.track.fromExcerpts ? 1 : 0) },
    ]

    private static let signalColumns: [Column] = [
        Column(name: "bpm") { .number($0.signal?.bpm) },
        Column(name: "bpm_confidence") { .number($0.signal?.bpmConfidence) },
        Column(name: "tempocnn_bpm") { .number($0.tempoCNN?.bpm) },
        Column(name: "tempocnn_local_agreement") { .number($0.tempoCNN?.localAgreement) },
    ] + KeyProfile.allCases.flatMap { profile in
        [Column(name: "key_\(profile.rawValue)") { .text($0.signal?.key(profile).key) },
         Column(name: "scale_\(profile.rawValue)") { .text($0.signal?.key(profile).scale) },
         Column(name: "key_strength_\(profile.rawValue)") { .number($0.signal?.key(profile).strength) }]
    } + [
        Column(name: "loudness_lufs") { .number($0.signal?.loudnessLufs) },
        Column(name: "loudness_range_lu") { .number($0.signal?.loudnessRangeLu) },
    ]

    private static let modelColumns: [Column] = [
        Column(name: "voice") { .number($0.effnet?.voice) },
        Column(name: "instrumental") { .number($0.effnet.map { 1 - $0.voice }) },
        Column(name: "danceability") { .number($0.effnet?.danceability) },
        Column(name: "valence") { .number($0.musicnn?.valence) },
        Column(name: "arousal") { .number($0.musicnn?.arousal) },
    ]

    /// RFC 4180: CRLF line ends; fields with a comma, quote or line break are quoted, quotes doubled.
    static func csvLine(_ values: [ExportValue]) -> String {
        values.map { value in
            switch value {
            case .missing: return ""
            case .number(let number): return number
            case .text(let text):
                guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
                return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
        }.joined(separator: ",") + "\r\n"
    }

    static func jsonLine<Pairs: Sequence>(_ pairs: Pairs) -> String where Pairs.Element == (String, ExportValue) {
        "{" + pairs.map { name, value in
            let json: String
            switch value {
            case .missing: json = "null"
            case .number(let number): json = number
            case .text(let text): json = jsonString(text)
            }
            return jsonString(name) + ":" + json
        }.joined(separator: ",") + "}\n"
    }

    private static func jsonString(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        // Encoding a lone string cannot fail: it has no non-finite numbers or invalid keys.
        return String(decoding: try! encoder.encode(text), as: UTF8.self)
    }
}
