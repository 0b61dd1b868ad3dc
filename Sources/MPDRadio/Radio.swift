import Foundation
import Playlists
import TrackStore

/// `tonearm radio`: keeps MPD's queue `ahead` tracks ahead of the playing song with tracks similar to
/// what was played last (bliss's "don't stop the music"). It waits on MPD's `idle` for player and
/// queue changes, adds nothing while MPD is paused or stopped, never adds a track twice while it runs,
/// and reconnects when MPD goes away (a restart, an upgrade).
public final class Radio {
    public struct Options: Sendable {
        public var host: String
        public var port: Int
        /// The folder MPD's `music_directory` is, as tonearm's store knows the files.
        public var musicDirectory: String
        public var ahead: Int
        public var by: EmbeddingKind
        public var filter: PlaylistQuery?
        public var maxPerArtist: Int?
        /// How many of the last played tracks seed the search.
        public var seeds: Int

        public init(host: String, port: Int, musicDirectory: String, ahead: Int, by: EmbeddingKind,
                    filter: PlaylistQuery?, maxPerArtist: Int?, seeds: Int) {
            self.host = host
            self.port = port
            self.musicDirectory = musicDirectory.hasSuffix("/") ? String(musicDirectory.dropLast()) : musicDirectory
            self.ahead = ahead
            self.by = by
            self.filter = filter
            self.maxPerArtist = maxPerArtist
            self.seeds = seeds
        }
    }

    private let catalog: Catalog
    private let options: Options
    private let say: (String) -> Void
    private var added = Set<String>()
    private var played: [Track] = []
    private var state = ""
    static let retryDelay: useconds_t = 500_000
    /// Neighbours asked for per track wanted, beyond those already queued or added, so the artist cap
    /// and the filters still leave enough.
    static let poolFactor = 10

    public init(catalog: Catalog, options: Options, say: @escaping (String) -> Void) {
        self.catalog = catalog
        self.options = options
        self.say = say
    }

    /// Runs until the process is stopped.
    public func run() -> Never {
        var connected = true
        while true {
            do {
                try followMPD { connected = true }
            } catch {
                if connected { say("lost MPD at \(options.host):\(options.port) (\(error)); reconnecting") }
                connected = false
                usleep(Self.retryDelay)
            }
        }
    }

    /// One connection's life: tops the queue up after every player or queue change until MPD goes away.
    // Kept out of line: Swift 6.3.1's optimizer never finishes on `run` with this loop inlined into it.
    @inline(never)
    private func followMPD(onConnect: () -> Void) throws {
        let mpd = try MPDConnection(host: options.host, port: options.port)
        say("connected to MPD at \(options.host):\(options.port)")
        onConnect()
        state = ""
        while true {
            try topUp(mpd)
            try mpd.command("idle player playlist")
        }
    }

    private func topUp(_ mpd: MPDConnection) throws {
        let status = try mpd.fields("status")
        let now = status["state"] ?? "stop"
        if now != state {
            state = now
            say(now == "play" ? "MPD plays: keeping \(options.ahead) tracks ahead"
                : "MPD is \(now == "pause" ? "paused" : "stopped"): adding nothing until it plays")
        }
        guard now == "play", let position = status["song"].flatMap(Int.init),
              let length = status["playlistlength"].flatMap(Int.init) else { return }
        if let file = try mpd.fields("currentsong")["file"], let track = try? catalog.resolve(localPath(file)),
           played.last?.id != track.id {
            played.append(track)
        }
        let needed = options.ahead - (length - position - 1)
        guard needed > 0, !played.isEmpty else { return }
        let queue = try mpd.command("playlistinfo").filter { $0.key == "file" }.map { localPath($0.value) }
        let seen = Set(queue).union(added)
        // The cap counts the queue ahead too, and applies after the tracks already seen are left out:
        // capping the similarity search itself would leave nothing once the first picks are used up.
        var perArtist: [String: Int] = [:]
        for path in queue.dropFirst(position + 1) {
            if let artist = (try? catalog.resolve(path))?.artist?.lowercased() { perArtist[artist, default: 0] += 1 }
        }
        let pool = try catalog.similar(seeds: Array(played.suffix(options.seeds)), by: options.by,
                                       count: seen.count + needed * Self.poolFactor, filter: options.filter)
        let prefix = options.musicDirectory + "/"
        var picks: [Track] = []
        for track in pool.map(\.track) where picks.count < needed && track.path.hasPrefix(prefix) && !seen.contains(track.path) {
            if let artist = track.artist?.lowercased(), let cap = options.maxPerArtist {
                guard perArtist[artist, default: 0] < cap else { continue }
                perArtist[artist, default: 0] += 1
            }
            picks.append(track)
        }
        for track in picks {
            try mpd.command("add " + MPDConnection.quoted(String(track.path.dropFirst(prefix.count))))
            added.insert(track.path)
            say("added \(track.displayName) (\(track.path))")
        }
    }

    private func localPath(_ file: String) -> String {
        options.musicDirectory + "/" + file
    }
}
