import Hummingbird
import Playlists

/// The playlists page and its M3U8 download; both read the same query from the URL.
struct PlaylistRoutes {
    let catalogs: LiveCatalog
    let pages: PageRenderer
    let forms: FormGuard

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(SitePaths.playlists), use: page)
        router.get(RouterPath(SitePaths.playlistDownload), use: download)
    }

    @Sendable func page(request: Request, context: WebRequestContext) async throws -> Response {
        let catalog = catalogs.current
        guard !catalog.isEmpty else { return pages.emptyStore(page: .playlists) }
        let submitted = try FormQuery.decode(request.uri.query)
        let (queryPairs, paging) = PlaylistSlice.split(submitted, taking: [PlaylistSlice.pageParameter])
        let query = try PlaylistQuery(parameters: queryPairs)
        let slice = try PlaylistSlice(page: paging[PlaylistSlice.pageParameter])
        // Forms submit every field, blank or not: redirect to the canonical, shareable URL.
        let canonical = PlaylistPage.link(query, page: slice.page)
        if canonical != SitePaths.link(SitePaths.playlists, submitted) {
            return .redirect(to: canonical)
        }
        let result = try catalog.playlists.run(query)
        var page = PlaylistPage(chrome: pages.chrome(title: "Playlists", page: .playlists, modules: ["playlist-live.js"]),
                                query: query, result: result, engine: catalog.playlists, slice: slice)
        page.saveForm = PlaylistSaveForm(csrf: forms.token(context), query: FormQuery.encode(query.parameters))
        return pages.render("playlists", page)
    }

    @Sendable func download(request: Request, context: WebRequestContext) async throws -> Response {
        let catalog = catalogs.current
        let query = try PlaylistQuery(parameters: FormQuery.decode(request.uri.query))
        return .m3u8(try catalog.playlists.run(query).entries.map(\.track), name: "tonearm-playlist", context: context)
    }
}
