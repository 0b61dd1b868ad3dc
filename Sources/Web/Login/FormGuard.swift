import Foundation
import HTTPTypes
import Hummingbird

/// CSRF protection for the POST forms of the pages (saving and deleting playlists). Every form
/// carries a token a page of this app put there; another site's page cannot read it. With login on
/// the token is the session's (bound to its cookie), without login it is signed under a secret made
/// at start-up, because even on loopback a page from anywhere can make the browser POST to 127.0.0.1.
/// A request a browser marks as cross-site, or from a foreign `Origin`, is refused before the token is looked at.
struct FormGuard: Sendable {
    private let signer: RequestSigner

    init(login: WebLogin?) {
        signer = login?.signer ?? RequestSigner(secret: Data(RequestSigner.randomToken().utf8))
    }

    /// The token the forms of this request's pages carry; equals the session's CSRF token when logged in.
    func token(_ context: WebRequestContext) -> String {
        signer.sign(subject(context))
    }

    func check(_ fields: [String: String], _ request: Request, _ context: WebRequestContext) throws {
        if request.headers[Self.fetchSite] == "cross-site" || !Self.sameOrigin(request) {
            throw HTTPError(.forbidden, message: "refused: this form was sent from another site")
        }
        guard signer.isValid(fields["csrf"] ?? "", for: subject(context)) else {
            throw HTTPError(.forbidden, message: "missing or wrong CSRF token: reload the page and try again")
        }
    }

    private func subject(_ context: WebRequestContext) -> String {
        context.session.map { "session:\($0.token)" } ?? "local-forms"
    }

    /// No `Origin` (an old browser, a script) leaves it to the token.
    private static func sameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[.origin] else { return true }
        guard let authority = request.head.authority, let url = URL(string: origin), let host = url.host else { return false }
        // An IPv6 host is bracketed in `Host` but may not be in the parsed URL.
        func bare(_ text: String) -> String { text.filter { $0 != "[" && $0 != "]" } }
        return bare(host) + (url.port.map { ":\($0)" } ?? "") == bare(authority)
    }

    private static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
