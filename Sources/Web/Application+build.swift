import Hummingbird
import Playlists
import Subsonic
import TrackStore
import Users

/// The web app over one store: loads the collection into memory once, then serves the playlists
/// page, the similar page, the song path page, the audio and the Subsonic API. Binds to loopback unless told otherwise.
/// With `login`, every route but the login page and the Subsonic API needs a logged-in session.
public func buildApplication(store: TrackStore, host: String = "127.0.0.1", port: Int = 8080,
                             mixBy: MixEmbedding = .automatic, login: WebLogin? = nil) async throws -> some ApplicationProtocol {
    Application(router: try await buildRouter(store: store, mixBy: mixBy, login: login),
                configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "tonearm"))
}

/// The router of the web app, public so tests can list its routes (`router.routes`).
public func buildRouter(store: TrackStore, mixBy: MixEmbedding = .automatic,
                        login: WebLogin? = nil) async throws -> Router<WebRequestContext> {
    let catalogs = LiveCatalog(try Catalog.load(from: store))
    let pages = try await PageRenderer(storePath: store.path, showsLogout: login != nil)
    let router = Router(context: WebRequestContext.self, options: .autoGenerateHeadEndpoints)
    if let login {
        let form = LoginForm(login: login, pages: pages)
        router.add(middleware: LoginMiddleware(login: login, form: form))
        LoginRoutes(login: login, form: form, pages: pages).addRoutes(to: router)
    }
    router.add(middleware: QueryErrorMiddleware(pages: pages))
    PlaylistRoutes(catalogs: catalogs, pages: pages).addRoutes(to: router)
    SimilarRoutes(catalogs: catalogs, pages: pages).addRoutes(to: router)
    PathRoutes(catalogs: catalogs, pages: pages).addRoutes(to: router)
    MapRoutes(catalogs: catalogs, maps: MusicMaps(store: store), pages: pages).addRoutes(to: router)
    AudioRoutes(catalogs: catalogs).addRoutes(to: router)
    StaticRoutes().addRoutes(to: router)
    // One failed-login count per address, whichever door the attempts come through.
    try SubsonicRoutes(catalog: catalogs.current, store: store, mixBy: mixBy, limiter: login?.limiter ?? LoginRateLimiter())
        .addRoutes(to: router)
    return router
}
