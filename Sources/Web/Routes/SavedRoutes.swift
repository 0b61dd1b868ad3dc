import Hummingbird
import Playlists
import TrackStore

/// Saved smart playlists: `POST /saved` saves the playlists page's query under a name (asking first
/// before it would replace a different one), `GET /saved` lists them with today's match counts,
/// `/saved/{id}.m3u8` downloads one, `POST /saved/{id}/delete` deletes one (asking first without JS).
/// Playlists belong to the logged-in user, or to `SmartPlaylists.localOwner` while login is off.
struct SavedRoutes {
    let catalogs: LiveCatalog
    let pages: PageRenderer
    let smart: SmartPlaylists
    let forms: FormGuard

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(SitePaths.saved), use: list)
        router.post(RouterPath(SitePaths.saved), use: save)
        router.get(RouterPath("\(SitePaths.saved)/{id}.m3u8"), use: download)
        router.post(RouterPath("\(SitePaths.saved)/{id}/delete"), use: delete)
    }

    static func owner(_ context: WebRequestContext) -> String {
        context.session?.user ?? SmartPlaylists.localOwner
    }

    static func deletePath(_ id: Int64) -> String { "\(SitePaths.saved)/\(id)/delete" }

    @Sendable func list(request: Request, context: WebRequestContext) async throws -> Response {
        let engine = catalogs.current.playlists
        let entries = try smart.list(owner: Self.owner(context)).map { playlist in
            let query = try? smart.query(of: playlist)
            return SavedPage.Entry(id: playlist.id, name: playlist.name,
                                   matches: (try? query.map { try engine.run($0).totalMatches }) ?? 0,
                                   link: SitePaths.link(SitePaths.playlists, query?.parameters ?? []),
                                   download: "\(SitePaths.saved)/\(playlist.id).m3u8", delete: Self.deletePath(playlist.id))
        }
        return pages.render("saved", SavedPage(chrome: pages.chrome(title: "Saved playlists", page: .saved),
                                               csrf: forms.token(context), folder: smart.folder.url.path,
                                               entries: entries, isEmpty: entries.isEmpty))
    }

    @Sendable func save(request: Request, context: WebRequestContext) async throws -> Response {
        let fields = try await FormBody.fields(request)
        try forms.check(fields, request, context)
        do {
            let name = try PlaylistName(fields["name"] ?? "")
            let query = try PlaylistQuery(parameters: FormQuery.decode(fields["query"]))
            switch try smart.save(name, query: query, owner: Self.owner(context), engine: catalogs.current.playlists,
                                  overwrite: fields["overwrite"] == "1") {
            case .saved:
                return Response(status: .seeOther, headers: [.location: SitePaths.saved])
            case .needsConfirmation(let existing):
                let old = (try? smart.query(of: existing))?.parameters ?? []
                return pages.render("saved-confirm", SaveConfirmPage(
                    chrome: pages.chrome(title: "Replace a saved playlist?", page: .saved), csrf: forms.token(context),
                    name: name.description, query: FormQuery.encode(query.parameters),
                    oldLink: SitePaths.link(SitePaths.playlists, old), newLink: SitePaths.link(SitePaths.playlists, query.parameters)),
                    status: .conflict)
            }
        } catch let error as SavedPlaylistError {
            return pages.error(error.description, status: .badRequest)
        }
    }

    @Sendable func download(request: Request, context: WebRequestContext) async throws -> Response {
        let playlist = try ownPlaylist(context)
        let tracks = try catalogs.current.playlists.run(try smart.query(of: playlist)).entries.map(\.track)
        return .m3u8(tracks, name: Self.fileName(playlist.name), context: context)
    }

    @Sendable func delete(request: Request, context: WebRequestContext) async throws -> Response {
        let fields = try await FormBody.fields(request)
        try forms.check(fields, request, context)
        let playlist = try ownPlaylist(context)
        guard fields["confirm"] == "1" else {
            return pages.render("saved-delete", DeleteConfirmPage(chrome: pages.chrome(title: "Delete a saved playlist?", page: .saved),
                                                                  csrf: forms.token(context), name: playlist.name,
                                                                  delete: Self.deletePath(playlist.id)))
        }
        try smart.delete(id: playlist.id, owner: Self.owner(context))
        return Response(status: .seeOther, headers: [.location: SitePaths.saved])
    }

    private func ownPlaylist(_ context: WebRequestContext) throws -> SavedPlaylist {
        guard let id = context.parameters.get("id", as: Int64.self),
              let playlist = try? smart.playlist(id: id, owner: Self.owner(context)) else {
            throw HTTPError(.notFound, message: SavedPlaylistError.unknownPlaylist.description)
        }
        return playlist
    }

    /// A header-safe download name: anything but plain ASCII letters, digits, space, `.`, `_` and `-` becomes `_`.
    private static func fileName(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || " ._-".contains($0)) ? $0 : "_" })
    }
}
