/// Every URL path the app answers, in one place for routes and the links pages render.
enum SitePaths {
    static let playlists = "/"
    static let playlistDownload = "/playlist.m3u8"
    static let similar = "/similar"
    static let similarDownload = "/similar.m3u8"
    static let path = "/path"
    static let pathDownload = "/path.m3u8"
    /// The track search as JSON, for type-ahead pickers.
    static let searchAPI = "/api/search"
    static let map = "/map"
    static let mapData = "/api/map"
    static let mapTracks = "/api/map/tracks"
    static let mapDownload = "/map.m3u8"
    static let audio = "/audio"
    static let playlistAPI = "/api/playlist"
    static let collectionAPI = "/api/collection"
    /// The project's own JavaScript modules and stylesheets.
    static let modules = "/static/js"
    /// Debian's `libjs-*` files the modules build on.
    static let vendor = "/static/vendor"
    static let saved = "/saved"
    static let login = "/login"
    static let logout = "/logout"
    /// The Subsonic API, which checks its own credentials.
    static let subsonic = "/rest"

    static func link(_ path: String, _ parameters: [(name: String, value: String)]) -> String {
        parameters.isEmpty ? path : "\(path)?\(FormQuery.encode(parameters))"
    }

    static func audio(_ trackId: Int64) -> String { "\(audio)/\(trackId)" }
}
