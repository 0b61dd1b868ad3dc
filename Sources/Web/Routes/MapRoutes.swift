import Foundation
import Hummingbird
import MusicMap
import Playlists
import TrackStore

/// The music map page, its JSON (`/api/map`, `/api/map/tracks`) and the M3U8 download of a box on it.
struct MapRoutes {
    let catalogs: LiveCatalog
    let maps: MusicMaps
    let pages: PageRenderer

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(SitePaths.map), use: page)
        router.get(RouterPath(SitePaths.mapData), use: data)
        router.get(RouterPath(SitePaths.mapTracks), use: tracks)
        router.get(RouterPath(SitePaths.mapDownload), use: download)
    }

    @Sendable func page(request: Request, context: WebRequestContext) async throws -> Response {
        let snapshot = catalogs.snapshot
        guard !snapshot.catalog.isEmpty else { return pages.emptyStore(page: .map) }
        let query = try MapQuery(parameters: FormQuery.decode(request.uri.query))
        let map = try await maps.map(query.kind(in: snapshot.catalog), of: snapshot).data
        return pages.render("map", MapPage(chrome: pages.chrome(title: "Music map", page: .map, modules: ["music-map.js"]),
                                           data: map, box: query.box, embedded: snapshot.catalog.embeddedKinds))
    }

    @Sendable func data(request: Request, context: WebRequestContext) async throws -> Response {
        await JSONResponse.answer(encoded: {
            let query = try MapQuery(parameters: FormQuery.decode(request.uri.query))
            let snapshot = catalogs.snapshot
            return try await maps.map(query.kind(in: snapshot.catalog), of: snapshot).json
        })
    }

    @Sendable func tracks(request: Request, context: WebRequestContext) async throws -> Response {
        await JSONResponse.answer { () async throws -> MapTracks in
            let catalog = catalogs.current
            let query = try MapQuery(parameters: FormQuery.decode(request.uri.query))
            return MapTracks(tracks: query.ids.compactMap { id in
                catalog.track(id: id).map { MapTracks.Entry(id: id, name: $0.displayName, audio: SitePaths.audio(id)) }
            })
        }
    }

    @Sendable func download(request: Request, context: WebRequestContext) async throws -> Response {
        let snapshot = catalogs.snapshot
        let catalog = snapshot.catalog
        let query = try MapQuery(parameters: FormQuery.decode(request.uri.query))
        guard let box = query.box else {
            throw QueryError.invalidValue(parameter: "x0, y0, x1, y1", value: request.uri.query ?? "",
                                          expected: "the four corners of a box on the map")
        }
        let kind = query.kind(in: catalog)
        let map = try await maps.map(kind, of: snapshot).data
        let tracks = MapPage.boxed(map, box).compactMap { catalog.track(id: map.ids[$0]) }
        return .m3u8(tracks, name: "tonearm-map-\(kind.rawValue)", context: context)
    }
}
