import Hummingbird
import Subsonic

/// The request context of every route: the basic one plus the client's address, which the
/// Subsonic API's failed-login limiter counts by, and the login session once the login middleware found one.
public struct WebRequestContext: ClientAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let clientAddress: String
    var session: WebSession?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
