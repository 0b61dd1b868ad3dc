import Foundation
import TrackStore

/// Extended M3U in UTF-8: `#EXTM3U`, then per track `#EXTINF:<seconds>,<name>` and its absolute path
/// (or the location `locate` gives, such as a stream URL).
public enum M3U8Writer {
    /// A path is written byte for byte as the file system holds it: a player can open a name that is not
    /// UTF-8 (Latin-1 from an old share) only by those bytes, so they win over the format's UTF-8.
    public static func playlist(_ tracks: [Track]) -> Data {
        entries(tracks) { track in track.rawPath.bytes.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 } }
    }

    public static func playlist(_ tracks: [Track], locate: (Track) -> String) -> Data {
        entries(tracks) { Array(singleLine(locate($0)).utf8) }
    }

    private static func entries(_ tracks: [Track], location: (Track) -> [UInt8]) -> Data {
        var data = Data("#EXTM3U\n".utf8)
        for track in tracks {
            // -1 is the format's "unknown length".
            let seconds = track.duration.map { Int($0.rounded()) } ?? -1
            data.append(contentsOf: "#EXTINF:\(seconds),\(singleLine(track.displayName))\n".utf8)
            data.append(contentsOf: location(track))
            data.append(0x0A)
        }
        return data
    }

    /// A line break inside a tag would end the entry early and turn the rest into a bogus path.
    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
