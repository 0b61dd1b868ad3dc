import Foundation
import Hummingbird
import Playlists

/// The JSON the live pages read: one slice of a playlist (the same `PlaylistQuery` as the page and
/// the CLI) and the facts about the whole collection.
struct PlaylistAPIRoutes {
    let catalogs: LiveCatalog
    let pages: PageRenderer

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(SitePaths.playlistAPI), use: playlist)
        router.get(RouterPath(SitePaths.collectionAPI), use: collection)
    }

    @Sendable func playlist(request: Request, context: WebRequestContext) async throws -> Response {
        let snapshot = catalogs.snapshot
        return await JSONResponse.answer { () throws -> PlaylistSliceJSON in
            let (queryPairs, paging) = PlaylistSlice.split(try FormQuery.decode(request.uri.query), taking: ["offset", "count"])
            let query = try PlaylistQuery(parameters: queryPairs)
            let slice = try PlaylistSlice(offset: paging["offset"], count: paging["count"])
            return try PlaylistSliceJSON(query: query, slice: slice, snapshot: snapshot, pages: pages)
        }
    }

    @Sendable func collection(request: Request, context: WebRequestContext) async throws -> Response {
        let facts = catalogs.snapshot.facts
        return await JSONResponse.answer { facts }
    }
}
