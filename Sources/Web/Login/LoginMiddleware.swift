import Hummingbird

/// With login on, only the login page and the Subsonic API (which checks its own credentials) are
/// open. A request with a live session goes through with its stream links set; an `/audio/…` request
/// with a valid signature goes through; any other browser page gets the login form, and everything
/// else a bare 401. Applies to every route, so a route added later cannot be forgotten.
struct LoginMiddleware: RouterMiddleware {
    let login: WebLogin
    let form: LoginForm

    func handle(_ request: Request, context: WebRequestContext,
                next: (Request, WebRequestContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path == SitePaths.login || path == SitePaths.subsonic || path.hasPrefix(SitePaths.subsonic + "/") {
            return try await next(request, context)
        }
        if let token = request.cookies[SessionCookie.session]?.value, let user = login.sessions.user(for: token) {
            var context = context
            context.session = WebSession(user: user, token: token, csrf: login.csrfToken(session: token),
                                         streamLinks: StreamLinks(signer: login.signer, lifetime: login.streamLinkLifetime,
                                                                  origin: StreamLinks.origin(of: request)))
            return try await next(request, context)
        }
        if StreamLinks.isSigned(request, signer: login.signer) {
            return try await next(request, context)
        }
        guard wantsPage(request) else {
            throw HTTPError(.unauthorized, message: "log in first (/login)")
        }
        return form.response(for: request, next: request.uri.description, status: .unauthorized)
    }

    /// A browser navigating to a page, not a download, a player or a script.
    private func wantsPage(_ request: Request) -> Bool {
        [.get, .head].contains(request.method) && (request.headers[.accept] ?? "").contains("text/html")
            && !request.uri.path.hasSuffix(".m3u8") && !request.uri.path.hasPrefix(SitePaths.audio + "/")
    }
}

/// Who is logged in on this request, and what their pages and downloads need.
struct WebSession: Sendable {
    let user: String
    let token: String
    let csrf: String
    let streamLinks: StreamLinks
}
