import Foundation
import Playlists
import TrackStore

/// Writes the `-o` file of `playlist` and `similar`.
enum PlaylistFile {
    static func write(_ tracks: [Track], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try M3U8Writer.playlist(tracks).write(to: url, atomically: true, encoding: .utf8)
        print("wrote \(tracks.count) tracks to \(url.standardizedFileURL.path)")
    }
}
