import Foundation
import TrackStore

/// An album as ReplayGain's album gain sees it: the tracks with the same album tag in the same
/// folder (a compilation's many artists stay one album; two "Greatest Hits" in two folders stay two).
struct Album {
    struct Key: Hashable {
        var folder: String
        var album: String
    }

    var loudness: Double?
    var peak: Double?

    static func key(of track: Track) -> Key? {
        guard let album = track.album, !album.isEmpty else { return nil }
        return Key(folder: (track.path as NSString).deletingLastPathComponent, album: album)
    }

    /// Every track of the album must have its loudness and peak: a gain from part of an album would
    /// make the missing tracks play at a different level than their neighbours.
    init(tracks: [TrackDescriptors], peaks: [Int64: Double]) {
        let measured = tracks.compactMap { item -> (loudness: Double, duration: Double, peak: Double)? in
            guard let loudness = item.signal?.loudnessLufs, let peak = peaks[item.track.id!] else { return nil }
            return (loudness, item.track.duration ?? 0, peak)
        }
        guard measured.count == tracks.count else { return }
        loudness = ReplayGain.albumLoudness(measured.map { ($0.loudness, $0.duration) })
        peak = measured.map(\.peak).max()
    }
}
