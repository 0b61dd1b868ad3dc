import ArgumentParser
import Foundation
import Playlists
import ServerPush
import TrackStore

struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Push playlists into your own Subsonic/OpenSubsonic server (Navidrome, Gonic, Airsonic, supysonic, …).",
        discussion: """
            Saved smart playlists by name, or one list under --name: --similar TRACK, --path START END, or playlist filters. The first push creates the playlist; later pushes replace its songs under the same playlist id, remembered in the store. Songs are matched by path (--map-path LOCAL=SERVER: the server's path is relative to its music folder) or else by title, artist, album and duration (± 2 s); tracks the server lacks are listed.

            Example: tonearm push --server http://nas:4533 --user alice --password-file ~/.navidrome-pw --map-path /home/alice/Music= "Warm-up house"
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "Saved smart playlists to push, by name.")
    var saved: [String] = []
    @Option(help: "The server's base URL (its API is under /rest).")
    var server: String
    @Option(help: "The user on the server.")
    var user: String = ""
    @Option(help: "A file whose first line is the password (sent as a salted MD5 token where the server supports it).")
    var passwordFile: String?
    @Option(help: "A file whose first line is an OpenSubsonic API key (instead of --user and --password-file).")
    var apiKeyFile: String?
    @Option(help: "LOCAL=SERVER: a local folder and the same folder's path on the server; repeatable.")
    var mapPath: [String] = []
    @Option(help: "Whose saved playlists the names are (default: \"\(SmartPlaylists.localOwner)\").")
    var owner = SmartPlaylists.localOwner
    @Option(help: "The server playlist's name, for --similar, --path or filters.")
    var name: String?
    @Option(help: "Push the tracks most similar to this track (id or path).")
    var similar: String?
    @Option(parsing: .upToNextOption, help: "Push the song path between two tracks (ids or paths).")
    var path: [String] = []
    @Option(name: .customShort("n"), help: "How many tracks for --similar and --path.")
    var count = 25
    @Option(help: "Which embedding for --similar and --path: effnet or musicnn.")
    var by: EmbeddingKind = .effnet
    @OptionGroup var filters: PlaylistFilterOptions

    func validate() throws {
        let built = (similar != nil ? 1 : 0) + (path.isEmpty ? 0 : 1) + (filters.parameters.isEmpty ? 0 : 1)
        guard built <= 1 else { throw ValidationError("push one of --similar, --path or playlist filters at a time") }
        guard built == 0 || name != nil else { throw ValidationError("--similar, --path and filters need --name for the server's playlist") }
        guard built == 1 || !saved.isEmpty else { throw ValidationError("name a saved playlist, or give --name with --similar, --path or filters") }
        guard path.isEmpty || path.count == 2 else { throw ValidationError("--path takes two tracks: START END") }
        guard (passwordFile == nil) != (apiKeyFile == nil) else { throw ValidationError("give --password-file or --api-key-file") }
        guard apiKeyFile != nil || !user.isEmpty else { throw ValidationError("--password-file needs --user") }
        for mapping in mapPath where PathMapping(argument: mapping) == nil {
            throw ValidationError("--map-path takes LOCAL=SERVER, not \(mapping)")
        }
    }

    func run() throws {
        guard let url = URL(string: server), url.scheme == "http" || url.scheme == "https" else {
            throw UserError("--server must be an http:// or https:// URL")
        }
        let trackStore = try store.openExisting(readOnly: false)
        let lists = try playlists(in: trackStore)
        let secret: SubsonicCredentials.Secret = try apiKeyFile.map { .apiKey(try SubsonicCredentials.firstLine(of: $0)) }
            ?? .password(try SubsonicCredentials.firstLine(of: passwordFile!))
        let client = try SubsonicClient(server: url, credentials: SubsonicCredentials(user: user, secret: secret))
        let pusher = PlaylistPush(client: client, store: trackStore, user: user, mappings: mapPath.compactMap(PathMapping.init))
        var missing = 0
        for (title, tracks) in lists {
            let outcome = try pusher.push(name: title, tracks: tracks)
            print("\(outcome.created ? "created" : "updated") \"\(title)\" (playlist id \(outcome.playlistId)): "
                + "\(outcome.songCount) of \(tracks.count) tracks")
            for track in outcome.unmatched { print("  not on the server: \(track.path)") }
            missing += outcome.unmatched.count
        }
        if missing > 0 { print("\(missing) track\(missing == 1 ? "" : "s") not found on the server (left out)") }
    }

    /// Each playlist to push: its name on the server and its tracks, in order.
    private func playlists(in trackStore: TrackStore) throws -> [(String, [Track])] {
        let kinds: [EmbeddingKind] = similar != nil || !path.isEmpty ? [by] : []
        let catalog = try Catalog.load(from: trackStore, embeddings: kinds)
        if let similar, let name {
            return [(name, [try catalog.resolve(similar)] + (try catalog.similar(to: catalog.resolve(similar), by: by, count: count - 1)).map(\.track))]
        }
        if path.count == 2, let name {
            return [(name, try catalog.path(from: catalog.resolve(path[0]), to: catalog.resolve(path[1]), length: count, by: by).tracks)]
        }
        if let name, !filters.parameters.isEmpty {
            return [(name, try catalog.playlists.run(PlaylistQuery(parameters: filters.parameters)).entries.map(\.track))]
        }
        let smart = SmartPlaylists(store: trackStore, folder: PlaylistFolder.beside(storePath: trackStore.path))
        return try saved.map { title in
            do {
                let query = try smart.query(of: smart.smart(named: PlaylistName(title), owner: owner))
                return (title, try catalog.playlists.run(query).entries.map(\.track))
            } catch let error as SavedPlaylistError {
                throw UserError(error.description)
            }
        }
    }
}
