import Foundation
import Hummingbird
import Playlists

/// `GET /api/search?q=words&limit=20`: the similar page's track search as JSON, for the type-ahead.
/// Same matching as the page's form (`Catalog.search`).
struct SearchRoutes {
    static let defaultLimit = 20
    static let maxLimit = 100

    struct Found: Encodable {
        let id: Int64
        let name: String
        let path: String
    }

    struct Answer: Encodable {
        let tracks: [Found]
        /// More tracks matched than `tracks` lists.
        let truncated: Bool
    }

    let catalogs: LiveCatalog

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(SitePaths.searchAPI), use: search)
    }

    @Sendable func search(request: Request, context: WebRequestContext) async throws -> Response {
        await JSONResponse.answer { () throws -> Answer in
            let (text, limit) = try Self.parameters(FormQuery.decode(request.uri.query))
            let matches = catalogs.current.search(text, limit: limit + 1)
            let tracks = matches.prefix(limit).map { Found(id: $0.id!, name: $0.displayName, path: $0.path) }
            return Answer(tracks: Array(tracks), truncated: matches.count > limit)
        }
    }

    private static func parameters(_ pairs: [(name: String, value: String)]) throws -> (text: String, limit: Int) {
        var text = "", limit = defaultLimit
        for (name, value) in pairs {
            switch name {
            case "q": text = value
            case "limit":
                guard let number = Int(value), (1...maxLimit).contains(number) else {
                    throw QueryError.invalidValue(parameter: name, value: value, expected: "a whole number from 1 to \(maxLimit)")
                }
                limit = number
            default: throw QueryError.unknownParameter(name)
            }
        }
        return (text, limit)
    }
}
