import Hummingbird
import Playlists

/// The similar-tracks page and the M3U8 download of either neighbour list.
struct SimilarRoutes {
    let catalogs: LiveCatalog
    let pages: PageRenderer

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(SitePaths.similar), use: page)
        router.get(RouterPath(SitePaths.similarDownload), use: download)
    }

    @Sendable func page(request: Request, context: WebRequestContext) async throws -> Response {
        let catalog = catalogs.current
        guard !catalog.isEmpty else { return pages.emptyStore(page: .similar) }
        let query = try SimilarQuery(parameters: FormQuery.decode(request.uri.query), catalog: catalog)
        let title = query.track.map { "Similar to \($0.displayName)" } ?? "Similar tracks"
        return pages.render("similar", SimilarPage(chrome: pages.chrome(title: title, page: .similar, modules: ["track-search.js"]),
                                                   query: query, catalog: catalog))
    }

    @Sendable func download(request: Request, context: WebRequestContext) async throws -> Response {
        let catalog = catalogs.current
        let query = try SimilarQuery(parameters: FormQuery.decode(request.uri.query), catalog: catalog)
        guard let track = query.track, let kind = query.kind else {
            throw QueryError.invalidValue(parameter: "track, by", value: request.uri.query ?? "",
                                          expected: "a track id and by=effnet or by=musicnn")
        }
        let neighbours = try SimilarPage.neighbours(of: track, by: kind, filter: query.filter, in: catalog)
        return .m3u8(neighbours.map(\.track), name: "tonearm-similar-\(kind.rawValue)", context: context)
    }
}
