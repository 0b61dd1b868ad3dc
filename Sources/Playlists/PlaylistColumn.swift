import Foundation
import TrackStore

/// A column of a playlist listing, formatted the same in the terminal and in the web table.
public struct PlaylistColumn: Sendable {
    public let header: String
    public let value: @Sendable (PlaylistEntry) -> String

    /// The descriptor columns; the style column only when the query chose styles.
    public static func columns(showingStyle: Bool) -> [PlaylistColumn] {
        var columns = [PlaylistColumn]()
        if showingStyle {
            columns.append(PlaylistColumn(header: "Style") { number($0.styleScore, digits: 2) })
        }
        columns += [
            PlaylistColumn(header: "BPM") { number($0.descriptors.shown?.bpm, digits: 1) },
            PlaylistColumn(header: "Key") { entry in entry.key.map { "\($0.key) \($0.scale)" } ?? missing },
            PlaylistColumn(header: "Voice") { number($0.descriptors.effnet?.voice, digits: 2) },
            PlaylistColumn(header: "Dance") { number($0.descriptors.shown?.danceability, digits: 2) },
            PlaylistColumn(header: "Arousal") { number($0.descriptors.musicnn?.arousal, digits: 1) },
            PlaylistColumn(header: "Valence") { number($0.descriptors.musicnn?.valence, digits: 1) },
            PlaylistColumn(header: "LUFS") { number($0.descriptors.signal?.loudnessLufs, digits: 1) },
            PlaylistColumn(header: "Length") { duration($0.track.duration) },
        ]
        return columns
    }

    static let missing = "–"

    public static func number(_ value: Double?, digits: Int) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? missing
    }

    public static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return missing }
        let total = Int(seconds.rounded())
        return String(format: "%d:%02d", total / 60, total % 60)
    }
}
