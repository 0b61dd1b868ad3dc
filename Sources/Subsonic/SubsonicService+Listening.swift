import Foundation
import Listening

/// Scrobbles into the user's listening history, what is playing now, and the saved play queue.
extension SubsonicService {
    /// `id` repeated, with a `time` (ms since 1970) for each or now; `submission=false` says a song
    /// started (now playing), anything else that it was played.
    func scrobble(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let songs = try parameters.strings("id").map(library.song)
        guard !songs.isEmpty else { throw SubsonicError.missingParameter("id") }
        let times = try parameters.strings("time").map { text -> Date in
            guard let ms = Double(text), ms.isFinite else { throw SubsonicError.invalidParameter("time", "not a number of milliseconds") }
            return Date(timeIntervalSince1970: ms / 1000)
        }
        let client = parameters.string("c") ?? ""
        if parameters.string("submission")?.lowercased() == "false" {
            for song in songs { try listening.startPlaying(song.track.id!, by: user, client: client) }
        } else {
            let plays = songs.indices.map { (trackId: songs[$0].track.id!, at: $0 < times.count ? times[$0] : Date()) }
            try listening.recordPlays(plays, by: user, client: client)
        }
        return []
    }

    /// Songs some player started and has not had time to finish (its length and ten minutes more).
    func nowPlaying() throws -> SubsonicPayload {
        let now = Date()
        let entries = try listening.nowPlaying().enumerated().compactMap { index, playing -> SubsonicElement? in
            guard let song = library.song(trackId: playing.trackId) else { return nil }
            let elapsed = now.timeIntervalSince(playing.startedAt)
            guard elapsed < (song.track.duration ?? 0) + 600 else { return nil }
            var entry = SubsonicShapes.song(song, playing.user == user ? marks : UserMarks())
            entry.fields += [("username", .string(playing.user)), ("minutesAgo", .int(max(0, Int(elapsed / 60)))),
                             ("playerId", .int(index + 1)), ("playerName", .string(playing.client))]
            return entry
        }
        return [("nowPlaying", .element(SubsonicElement(["entry": .list(entries)])))]
    }

    /// The saved queue, or an empty one nobody changed when none is saved.
    func playQueue(byIndex: Bool) throws -> SubsonicPayload {
        let queue = try listening.playQueue(of: user)
            ?? PlayQueue(trackIds: [], currentId: nil, positionMs: 0, changedAt: Date(timeIntervalSince1970: 0), changedBy: "")
        let entries = queue.trackIds.compactMap(library.song(trackId:))
        let current: SubsonicValue? = queue.currentId.flatMap { id in
            byIndex ? entries.firstIndex { $0.track.id == id }.map(SubsonicValue.int) : .string(String(id))
        }
        return [(byIndex ? "playQueueByIndex" : "playQueue", .element(SubsonicElement([
            byIndex ? "currentIndex" : "current": current, "position": .int(queue.positionMs), "username": .string(user),
            "changed": SubsonicShapes.date(queue.changedAt), "changedBy": .string(queue.changedBy), "entry": songs(entries),
        ])))]
    }

    /// `id` repeated (none clears the queue), `current` (an id, or `currentIndex`) and `position` in ms.
    func savePlayQueue(_ parameters: SubsonicParameters, byIndex: Bool) throws -> SubsonicPayload {
        let trackIds = try parameters.strings("id").map { try library.song($0).track.id! }
        var currentId: Int64?
        if byIndex {
            if let index = try parameters.optionalInt("currentIndex") {
                guard trackIds.indices.contains(index) else { throw SubsonicError.invalidParameter("currentIndex", "no song at \(index)") }
                currentId = trackIds[index]
            }
        } else if let current = parameters.string("current"), !current.isEmpty {
            currentId = try library.song(current).track.id!
            guard trackIds.contains(currentId!) else { throw SubsonicError.invalidParameter("current", "not in the queue") }
        }
        let position = try parameters.int("position", default: 0, in: 0...Int(Int32.max))
        try listening.savePlayQueue(PlayQueue(trackIds: trackIds, currentId: currentId, positionMs: position, changedAt: Date(),
                                              changedBy: parameters.string("c") ?? ""), of: user)
        return []
    }
}
