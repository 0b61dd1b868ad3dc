import Hummingbird
import Playlists
import Subsonic
import TrackStore

/// The web app over one store: loads the collection into memory once, then serves the playlists
/// page, the similar page, the song path page, the audio and the Subsonic API. Binds to loopback unless told otherwise.
public func buildApplication(store: TrackStore, host: String = "127.0.0.1", port: Int = 8080,
                             mixBy: MixEmbedding = .automatic) async throws -> some ApplicationProtocol {
    let catalog = try Catalog.load(from: store)
    let pages = try await PageRenderer(storePath: store.path)
    let router = Router(context: WebRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: QueryErrorMiddleware(pages: pages))
    PlaylistRoutes(catalog: catalog, pages: pages).addRoutes(to: router)
    SimilarRoutes(catalog: catalog, pages: pages).addRoutes(to: router)
    PathRoutes(catalog: catalog, pages: pages).addRoutes(to: router)
    AudioRoutes(catalog: catalog).addRoutes(to: router)
    try SubsonicRoutes(catalog: catalog, store: store, mixBy: mixBy).addRoutes(to: router)
    return Application(router: router,
                       configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "tonearm"))
}
