import Foundation
import TrackStore

/// A song's lyrics from its file's tags, read by ffprobe (already a dependency, and it reads every
/// container tonearm plays): ID3 USLT (`lyrics-eng`), Vorbis and FLAC `LYRICS`/`UNSYNCEDLYRICS`, MP4
/// `©lyr`. Lyrics in LRC form (`[mm:ss.xx]line`) are given as synced lines.
enum LyricsTags {
    struct Lyrics {
        let language: String
        let text: String
    }

    static func read(_ path: RawPath) async -> [Lyrics] {
        await path.withTextPath { file -> [Lyrics] in
            guard let file, let data = await ExternalTool.output(["ffprobe", "-v", "error", "-show_entries", "format_tags:stream_tags",
                                                                  "-of", "json", file]),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
            let format = (object["format"] as? [String: Any])?["tags"] as? [String: Any] ?? [:]
            let streams = (object["streams"] as? [[String: Any]] ?? []).compactMap { $0["tags"] as? [String: Any] }
            var found: [Lyrics] = []
            for tags in [format] + streams {
                for (key, value) in tags.sorted(by: { $0.key < $1.key }) {
                    guard let text = value as? String, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                          let language = language(ofKey: key.lowercased()), !found.contains(where: { $0.text == text }) else { continue }
                    found.append(Lyrics(language: language, text: text))
                }
            }
            return found
        }
    }

    /// The language a lyrics tag names (`lyrics-eng`), "xxx" (unknown) when it names none; nil for other tags.
    private static func language(ofKey key: String) -> String? {
        guard key == "lyrics" || key == "unsyncedlyrics" || key == "uslt" || key.hasPrefix("lyrics-") else { return nil }
        let suffix = key.split(separator: "-").last.map(String.init) ?? ""
        return key.hasPrefix("lyrics-") && suffix.count == 3 && suffix.allSatisfy(\.isLetter) ? suffix : "xxx"
    }

    /// OpenSubsonic's structuredLyrics: synced lines with their start in ms when every non-empty line
    /// has an LRC time stamp, else the lines as they are.
    static func structured(_ lyrics: Lyrics, artist: String, title: String) -> SubsonicElement {
        let lines = lyrics.text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        let timed = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(timestamped)
        let synced = !timed.isEmpty && timed.allSatisfy { $0 != nil }
        let entries = synced ? timed.compactMap { $0 }.map { SubsonicElement(["start": .int($0.ms), "value": .string($0.text)]) }
                             : lines.map { SubsonicElement(["value": .string($0)]) }
        return SubsonicElement(["displayArtist": .string(artist), "displayTitle": .string(title), "lang": .string(lyrics.language),
                                "synced": .bool(synced), "line": .list(entries)])
    }

    /// `[mm:ss.xx]text` → start in ms and text; nil for a line without a time stamp.
    private static func timestamped(_ line: String) -> (ms: Int, text: String)? {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
        let stamp = line[line.index(after: line.startIndex)..<close].split(separator: ":")
        guard stamp.count == 2, let minutes = Int(stamp[0]), let seconds = Double(stamp[1]) else { return nil }
        return (Int(((Double(minutes) * 60 + seconds) * 1000).rounded()), String(line[line.index(after: close)...]))
    }
}
