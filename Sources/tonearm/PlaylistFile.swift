import Foundation
import Playlists
import TrackStore

/// Writes the `-o` file of `playlist` and `similar`.
enum PlaylistFile {
    static func write(_ tracks: [Track], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try M3U8Writer.playlist(tracks).write(to: url, options: .atomic)
        // Standard output holds the listing; like `export`, the note about the file goes to standard error,
        // after the listing even when both are captured together.
        fflush(stdout)
        FileHandle.standardError.write(Data("wrote \(tracks.count) tracks to \(url.standardizedFileURL.path)\n".utf8))
    }
}
