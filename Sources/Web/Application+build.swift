import Hummingbird
import Playlists
import Subsonic
import TrackStore
import Users

/// The web app over one store: loads the collection into memory (again whenever another process
/// commits to the store), then serves the playlists
/// page, the similar page, the song path page, the audio and the Subsonic API. Binds to loopback unless told otherwise.
/// With `login`, every route but the login page and the Subsonic API needs a logged-in session.
/// Saved playlists' M3U8 files go into `playlists` (default: beside the store).
public func buildApplication(store: TrackStore, host: String = "127.0.0.1", port: Int = 8080,
                             mixBy: MixEmbedding = .automatic, login: WebLogin? = nil,
                             playlists: PlaylistFolder? = nil) async throws -> some ApplicationProtocol {
    Application(router: try await buildRouter(store: store, mixBy: mixBy, login: login, playlists: playlists),
                configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "tonearm"))
}

/// The router of the web app, public so tests can list its routes (`router.routes`).
public func buildRouter(store: TrackStore, mixBy: MixEmbedding = .automatic,
                        login: WebLogin? = nil, playlists: PlaylistFolder? = nil) async throws -> Router<WebRequestContext> {
    let catalogs = try LiveCatalog(watching: store)
    let pages = try await PageRenderer(storePath: store.path, showsLogout: login != nil, catalogs: catalogs)
    let router = Router(context: WebRequestContext.self, options: .autoGenerateHeadEndpoints)
    if let login {
        let form = LoginForm(login: login, pages: pages)
        router.add(middleware: LoginMiddleware(login: login, form: form))
        LoginRoutes(login: login, form: form, pages: pages).addRoutes(to: router)
    }
    router.add(middleware: QueryErrorMiddleware(pages: pages))
    let forms = FormGuard(login: login)
    PlaylistRoutes(catalogs: catalogs, pages: pages, forms: forms).addRoutes(to: router)
    PlaylistAPIRoutes(catalogs: catalogs, pages: pages).addRoutes(to: router)
    SavedRoutes(catalogs: catalogs, pages: pages,
                smart: SmartPlaylists(store: store, folder: playlists ?? PlaylistFolder.beside(storePath: store.path)), forms: forms)
        .addRoutes(to: router)
    SimilarRoutes(catalogs: catalogs, pages: pages).addRoutes(to: router)
    PathRoutes(catalogs: catalogs, pages: pages).addRoutes(to: router)
    SearchRoutes(catalogs: catalogs).addRoutes(to: router)
    MapRoutes(catalogs: catalogs, maps: MusicMaps(store: store), pages: pages).addRoutes(to: router)
    AudioRoutes(catalogs: catalogs).addRoutes(to: router)
    StaticRoutes().addRoutes(to: router)
    // One failed-login count per address, whichever door the attempts come through.
    SubsonicRoutes(collection: { let latest = catalogs.snapshot; return (latest.facts.version, latest.catalog) },
                   store: store, mixBy: mixBy, limiter: login?.limiter ?? LoginRateLimiter())
        .addRoutes(to: router)
    return router
}
