import Hummingbird
import Playlists

/// Turns a query the user got wrong into a readable 400 page, whichever route parsed it.
struct QueryErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as QueryError {
            return pages.error(error.description, status: .badRequest)
        }
    }
}
