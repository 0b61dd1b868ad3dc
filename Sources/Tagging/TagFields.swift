import Foundation
import TrackStore

/// The fields `tonearm tag` sets for one track, by tonearm's names (Vorbis-comment style; the helper
/// maps them to each format's keys). A descriptor the track lacks sets no field.
struct TagFields {
    var styleNames: [String]
    var genre: GenreSource?

    /// Styles written into TONEARM_STYLES: the strongest ones at or above the playlists' default activation.
    static let styleCount = 3
    static let styleActivation: Float = 0.1

    func fields(for item: TrackDescriptors, peak: Double?, album: Album?) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        if let bpm = item.shown?.bpm, bpm > 0 { fields["BPM"] = ["\(Int(bpm.rounded()))"] }
        if let key = item.shown?.keyClass { fields["INITIALKEY"] = [KeyNotation.id3(key)] }
        if let musicnn = item.musicnn {
            fields["MOOD"] = [Mood.word(arousal: musicnn.arousal, valence: musicnn.valence)]
            fields["TONEARM_AROUSAL"] = [String(format: "%.2f", musicnn.arousal)]
            fields["TONEARM_VALENCE"] = [String(format: "%.2f", musicnn.valence)]
        }
        if let loudness = item.signal?.loudnessLufs, let peak {
            fields["REPLAYGAIN_TRACK_GAIN"] = [ReplayGain.gainText(ReplayGain.gain(loudness: loudness))]
            fields["REPLAYGAIN_TRACK_PEAK"] = [ReplayGain.peakText(peak)]
        }
        if let album, let loudness = album.loudness, let peak = album.peak {
            fields["REPLAYGAIN_ALBUM_GAIN"] = [ReplayGain.gainText(ReplayGain.gain(loudness: loudness))]
            fields["REPLAYGAIN_ALBUM_PEAK"] = [ReplayGain.peakText(peak)]
        }
        if let danceability = item.shown?.danceability {
            fields["TONEARM_DANCEABILITY"] = [String(format: "%.3f", danceability)]
        }
        if let effnet = item.effnet {
            fields["TONEARM_VOICE"] = [String(format: "%.3f", effnet.voice)]
            let top = topStyles(effnet.styles.values)
            // One value, "; "-separated: ID3v2.3 joins several values with "/", which style names may hold.
            if !top.isEmpty { fields["TONEARM_STYLES"] = [top.joined(separator: "; ")] }
            if let genre, let first = top.first { fields["GENRE"] = [genre.genre(ofStyle: first)] }
        }
        return fields
    }

    private func topStyles(_ activations: [Float]) -> [String] {
        activations.indices.filter { $0 < styleNames.count && activations[$0] >= Self.styleActivation }
            .sorted { activations[$0] > activations[$1] }.prefix(Self.styleCount).map { styleNames[$0] }
    }
}
