import Hummingbird

/// A request context that knows the client's address (failed logins are limited per address).
public protocol ClientAddressRequestContext: RequestContext {
    var clientAddress: String { get }
}
