import Foundation
import TrackStore

/// Finds the server's song for a local track: by path when a mapping covers it, else by tags (title,
/// artist and album equal ignoring case where both sides have them, duration within 2 s), through
/// `search3` on the title (or the file name when the track has no title tag).
struct SongMatcher {
    let client: SubsonicClient
    let mappings: [PathMapping]
    static let durationTolerance = 2.0

    func song(for track: Track) throws -> ServerSong? {
        let candidates = try search(Self.query(for: track))
        if let wanted = mappings.lazy.compactMap({ $0.serverPath(of: track.path) }).first {
            return candidates.first { $0.path.map(PathMapping.normalized) == wanted }
        }
        return candidates.first { Self.tagsAgree(track, $0) }
    }

    private func search(_ query: String) throws -> [ServerSong] {
        let response = try client.call("search3", [("query", query), ("songCount", "100"), ("artistCount", "0"), ("albumCount", "0")])
        let songs = (response["searchResult3"] as? [String: Any])?["song"] as? [[String: Any]] ?? []
        return songs.compactMap(ServerSong.init)
    }

    static func query(for track: Track) -> String {
        if let title = track.title, !title.isEmpty { return title }
        return ((track.path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    static func tagsAgree(_ track: Track, _ song: ServerSong) -> Bool {
        let file = (track.path as NSString).lastPathComponent
        let titles = track.title.map { [$0] } ?? [file, (file as NSString).deletingPathExtension]
        guard let title = song.title, titles.contains(where: { same($0, title) }) else { return false }
        for (local, remote) in [(track.artist, song.artist), (track.album, song.album)] {
            if let local, !local.isEmpty, let remote, !same(local, remote) { return false }
        }
        if let local = track.duration, let remote = song.duration, abs(local - remote) > durationTolerance { return false }
        return true
    }

    private static func same(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame
    }
}
