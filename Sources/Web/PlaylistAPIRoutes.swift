import Foundation
import Hummingbird
import Playlists

/// `/api/collection` and `/api/playlist`, the JSON the playlists page's live filters read.
/// Stand-in written by the web-filters branch to the shared contract; web-json's version replaces it.
struct PlaylistAPIRoutes {
    let catalogs: LiveCatalog
    let pages: PageRenderer

    struct Page: Encodable {
        struct Row: Encodable {
            let rank: Int
            let id: Int64
            let name: String
            let audio: String
        }

        let total: Int
        let trackCount: Int
        let offset: Int
        let count: Int
        let keySource: String
        let link: String
        let m3u8: String
        let columns: [String]
        let rowsHtml: String
        let rows: [Row]
        let matched: [String: [Int]]
    }

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/api/collection", use: collection)
        router.get("/api/playlist", use: playlist)
    }

    @Sendable func collection(request: Request, context: WebRequestContext) async throws -> Response {
        try Self.json(CollectionSummary(catalogs.current.playlists))
    }

    @Sendable func playlist(request: Request, context: WebRequestContext) async throws -> Response {
        do {
            return try Self.json(page(try FormQuery.decode(request.uri.query)))
        } catch let error as QueryError {
            return try Self.json(["error": error.description], status: .badRequest)
        }
    }

    private func page(_ parameters: [(name: String, value: String)]) throws -> Page {
        func number(_ name: String, default value: Int, in bounds: ClosedRange<Int>) throws -> Int {
            guard let text = parameters.last(where: { $0.name == name })?.value, !text.isEmpty else { return value }
            guard let number = Int(text), bounds.contains(number) else {
                throw QueryError.invalidValue(parameter: name, value: text,
                                              expected: "a whole number from \(bounds.lowerBound) to \(bounds.upperBound)")
            }
            return number
        }
        let offset = try number("offset", default: 0, in: 0...Int.max)
        let count = try number("count", default: 100, in: 1...500)
        let query = try PlaylistQuery(parameters: parameters.filter { $0.name != "offset" && $0.name != "count" })
        let engine = catalogs.current.playlists
        let result = try engine.run(query)
        let columns = PlaylistColumn.columns(showingStyle: !query.styles.isEmpty)
        let window = result.entries.indices.clamped(to: offset..<(offset > Int.max - count ? Int.max : offset + count))
        let rows = window.map { index in
            let entry = result.entries[index]
            return PlaylistPage.Row(rank: index + 1, id: entry.track.id!, name: entry.track.displayName,
                                    path: entry.track.path, audio: SitePaths.audio(entry.track.id!),
                                    cells: columns.map { $0.value(entry) })
        }
        let matches = try engine.matches(query).map(\.descriptors)
        let summary = CollectionSummary(engine)
        var matched: [String: [Int]] = [:]
        for (name, value) in CollectionSummary.rangeValues {
            guard let range = summary.ranges[name] else { continue }
            matched[name] = CollectionSummary.histogram(matches.compactMap(value), min: range.min, max: range.max)
        }
        return Page(total: result.totalMatches, trackCount: engine.tracks.count, offset: offset, count: rows.count,
                    keySource: result.profile?.rawValue ?? "shown key (fused)",
                    link: SitePaths.link(SitePaths.playlists, query.parameters),
                    m3u8: SitePaths.link(SitePaths.playlistDownload, query.parameters),
                    columns: columns.map(\.header),
                    rowsHtml: rows.map { pages.library.render($0, withTemplate: "playlist-row") ?? "" }.joined(),
                    rows: rows.map { Page.Row(rank: $0.rank, id: $0.id, name: $0.name, audio: $0.audio) },
                    matched: matched)
    }

    private static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(value))))
    }
}
