import Hummingbird
import Playlists

/// The song path page and the path's M3U8 download.
struct PathRoutes {
    let catalogs: LiveCatalog
    let pages: PageRenderer

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(SitePaths.path), use: page)
        router.get(RouterPath(SitePaths.pathDownload), use: download)
    }

    @Sendable func page(request: Request, context: WebRequestContext) async throws -> Response {
        let catalog = catalogs.current
        guard !catalog.isEmpty else { return pages.emptyStore(page: .path) }
        let query = try PathQuery(parameters: FormQuery.decode(request.uri.query), catalog: catalog)
        return pages.render("path", PathPage(chrome: pages.chrome(title: "Song path", page: .path, modules: ["track-search.js"]), query: query, catalog: catalog))
    }

    @Sendable func download(request: Request, context: WebRequestContext) async throws -> Response {
        let catalog = catalogs.current
        let query = try PathQuery(parameters: FormQuery.decode(request.uri.query), catalog: catalog)
        guard let from = query.from, let to = query.to else {
            throw QueryError.invalidValue(parameter: "from, to", value: request.uri.query ?? "", expected: "two track ids")
        }
        let path = try catalog.path(from: from, to: to, length: query.length, by: query.kind)
        return .m3u8(path.tracks, name: "tonearm-path-\(query.kind.rawValue)", context: context)
    }
}
