import Hummingbird
import Subsonic

/// The request context of every route: the basic one plus the client's address, which the
/// Subsonic API's failed-login limiter counts by.
public struct WebRequestContext: ClientAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
