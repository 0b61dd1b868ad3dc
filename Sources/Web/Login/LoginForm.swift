import Hummingbird

/// The login page: a fresh nonce in a cookie and the form's CSRF token bound to it, so only a form
/// this app served, in this browser, can log in.
struct LoginForm: Sendable {
    let login: WebLogin
    let pages: PageRenderer

    func response(for request: Request, next: String, message: String? = nil, status: HTTPResponse.Status) -> Response {
        let nonce = RequestSigner.randomToken()
        let page = LoginPage(chrome: pages.chrome(title: "Log in", page: .other), next: Self.safeNext(next),
                             csrf: login.loginToken(nonce: nonce), message: message)
        var response = pages.render("login", page, status: status)
        response.setCookie(SessionCookie.make(SessionCookie.loginNonce, value: nonce, maxAge: 3600, for: request))
        return response
    }

    /// Where to go after logging in: a path of this app only, never another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\") else { return SitePaths.playlists }
        return next
    }
}

struct LoginPage {
    let chrome: Chrome
    let next: String
    let csrf: String
    let message: String?
}

struct LogoutPage {
    let chrome: Chrome
    let user: String
    let csrf: String
}
