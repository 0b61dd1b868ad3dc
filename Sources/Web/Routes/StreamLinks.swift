import Foundation
import Hummingbird

/// `/audio/ID?exp=UNIX&sig=HMAC("ID:exp")`: the audio URLs an M3U8 downloaded in a session carries,
/// so a player that has no cookie can stream them until `exp`.
struct StreamLinks: Sendable {
    let signer: RequestSigner
    let lifetime: TimeInterval
    /// `scheme://host` as the browser reached the app, so links work from the player's machine too.
    let origin: String

    func url(_ trackId: Int64, now: Date = Date()) -> String {
        let expires = Int((now + lifetime).timeIntervalSince1970)
        return "\(origin)\(SitePaths.audio(trackId))?exp=\(expires)&sig=\(signer.sign("\(trackId):\(expires)"))"
    }

    /// Whether `request` is for `/audio/ID` with a valid, unexpired signature.
    static func isSigned(_ request: Request, signer: RequestSigner, now: Date = Date()) -> Bool {
        let prefix = SitePaths.audio + "/"
        let path = request.uri.path
        guard path.hasPrefix(prefix), let id = Int64(path.dropFirst(prefix.count)),
              let parameters = try? FormQuery.decode(request.uri.query),
              let expires = parameters.first(where: { $0.name == "exp" }).flatMap({ Int($0.value) }),
              let signature = parameters.first(where: { $0.name == "sig" })?.value,
              Double(expires) > now.timeIntervalSince1970 else { return false }
        return signer.isValid(signature, for: "\(id):\(expires)")
    }

    static func origin(of request: Request) -> String {
        "\(SessionCookie.isHTTPS(request) ? "https" : "http")://\(request.head.authority ?? "localhost")"
    }
}
