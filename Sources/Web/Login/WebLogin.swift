import Foundation
import Users

/// Login for the web app, when `serve` asks for it: the store's users and passwords (the same as the
/// Subsonic API's), sessions in memory, and the store's secret for CSRF tokens and signed stream links.
public struct WebLogin: Sendable {
    let users: UserDirectory
    let sessions: SessionStore
    let signer: RequestSigner
    let limiter: LoginRateLimiter
    let streamLinkLifetime: TimeInterval

    public init(users: UserDirectory, sessionLifetime: TimeInterval = 12 * 3600,
                streamLinkLifetime: TimeInterval = 24 * 3600, limiter: LoginRateLimiter = LoginRateLimiter()) throws {
        self.users = users
        sessions = SessionStore(lifetime: sessionLifetime)
        signer = RequestSigner(secret: try users.sessionSecret())
        self.limiter = limiter
        self.streamLinkLifetime = streamLinkLifetime
    }

    /// The token a logged-in page's POST forms carry: it proves the form came from a page of this session.
    func csrfToken(session: String) -> String { signer.sign("session:\(session)") }

    /// The token the login form carries, bound to the nonce cookie the form was served with.
    func loginToken(nonce: String) -> String { signer.sign("login:\(nonce)") }
}
