import Foundation
import Hummingbird

/// `/login` (the form, and its POST that starts a session) and `/logout` (a confirmation form, and
/// its POST that ends the session). Every POST must carry its CSRF token or is refused with 403.
/// Passwords are checked by the user directory and never logged; failed logins are limited per address.
struct LoginRoutes {
    let login: WebLogin
    let form: LoginForm
    let pages: PageRenderer

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(SitePaths.login), use: showLogin)
        router.post(RouterPath(SitePaths.login), use: logIn)
        router.get(RouterPath(SitePaths.logout), use: showLogout)
        router.post(RouterPath(SitePaths.logout), use: logOut)
    }

    @Sendable func showLogin(request: Request, context: WebRequestContext) async throws -> Response {
        let next = try FormQuery.decode(request.uri.query).first { $0.name == "next" }?.value
        return form.response(for: request, next: next ?? SitePaths.playlists, status: .ok)
    }

    @Sendable func logIn(request: Request, context: WebRequestContext) async throws -> Response {
        let fields = try await FormBody.fields(request)
        guard let nonce = request.cookies[SessionCookie.loginNonce]?.value,
              login.signer.isValid(fields["csrf"] ?? "", for: "login:\(nonce)") else {
            throw HTTPError(.forbidden, message: "this login form is stale or from another site: reload /login")
        }
        let next = fields["next"] ?? SitePaths.playlists
        if let wait = login.limiter.retryAfter(address: context.clientAddress) {
            return form.response(for: request, next: next, message: "Too many failed logins: try again in \(Int(wait.rounded(.up))) s.",
                                 status: .tooManyRequests)
        }
        let name = fields["name"] ?? ""
        guard try login.users.checkPassword(fields["password"] ?? "", of: name) else {
            login.limiter.recordFailure(address: context.clientAddress)
            return form.response(for: request, next: next, message: "Wrong name or password.", status: .unauthorized)
        }
        login.limiter.recordSuccess(address: context.clientAddress)
        var response = Response(status: .seeOther, headers: [.location: LoginForm.safeNext(next)])
        response.setCookie(SessionCookie.make(SessionCookie.session, value: login.sessions.start(user: name),
                                              maxAge: Int(login.sessions.lifetime), for: request))
        return response
    }

    @Sendable func showLogout(request: Request, context: WebRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.unauthorized) }
        return pages.render("logout", LogoutPage(chrome: pages.chrome(title: "Log out", page: .other),
                                                 user: session.user, csrf: session.csrf))
    }

    @Sendable func logOut(request: Request, context: WebRequestContext) async throws -> Response {
        guard let session = context.session else { throw HTTPError(.unauthorized) }
        let fields = try await FormBody.fields(request)
        guard login.signer.isValid(fields["csrf"] ?? "", for: "session:\(session.token)") else {
            throw HTTPError(.forbidden, message: "missing or wrong CSRF token")
        }
        login.sessions.end(session.token)
        var response = Response(status: .seeOther, headers: [.location: SitePaths.login])
        response.setCookie(SessionCookie.make(SessionCookie.session, value: "", maxAge: 0, for: request))
        return response
    }
}
