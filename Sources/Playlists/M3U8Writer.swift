import TrackStore

/// Extended M3U in UTF-8: `#EXTM3U`, then per track `#EXTINF:<seconds>,<name>` and its absolute path
/// (or the location `locate` gives, such as a stream URL).
public enum M3U8Writer {
    public static func playlist(_ tracks: [Track]) -> String {
        playlist(tracks) { $0.path }
    }

    public static func playlist(_ tracks: [Track], locate: (Track) -> String) -> String {
        var lines = ["#EXTM3U"]
        for track in tracks {
            // -1 is the format's "unknown length".
            let seconds = track.duration.map { Int($0.rounded()) } ?? -1
            lines.append("#EXTINF:\(seconds),\(singleLine(track.displayName))")
            lines.append(singleLine(locate(track)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A line break inside a tag would end the entry early and turn the rest into a bogus path.
    private static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
