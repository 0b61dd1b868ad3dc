import HTTPTypes
import Hummingbird

/// The cookies of the web login: the session token, and the nonce the login form is bound to.
/// Both HttpOnly and SameSite=Strict (a cross-site request carries neither), `Secure` behind HTTPS.
enum SessionCookie {
    static let session = "tonearm_session"
    static let loginNonce = "tonearm_login"

    static func make(_ name: String, value: String, maxAge: Int, for request: Request) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: isHTTPS(request), httpOnly: true, sameSite: .strict)
    }

    /// A proxy that terminates TLS says so in X-Forwarded-Proto; tonearm itself speaks plain HTTP.
    static func isHTTPS(_ request: Request) -> Bool {
        request.headers[forwardedProto]?.lowercased() == "https"
    }

    private static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
}
