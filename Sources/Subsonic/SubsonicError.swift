/// The protocol's error codes (answered with HTTP 200 and `status="failed"`).
public struct SubsonicError: Error, Sendable, Equatable {
    public let code: Int
    public let message: String

    public static func generic(_ message: String) -> SubsonicError { SubsonicError(code: 0, message: message) }
    public static func missingParameter(_ name: String) -> SubsonicError {
        SubsonicError(code: 10, message: "Required parameter is missing: \(name)")
    }
    public static func invalidParameter(_ name: String, _ reason: String) -> SubsonicError {
        SubsonicError(code: 10, message: "Invalid parameter \(name): \(reason)")
    }
    public static let wrongCredentials = SubsonicError(code: 40, message: "Wrong username or password")
    public static let authenticationRequired = SubsonicError(code: 40, message: "Authentication required (u with t and s, or p; or apiKey)")
    public static func rateLimited(seconds: Int) -> SubsonicError {
        SubsonicError(code: 40, message: "Too many failed logins from this address; try again in \(seconds) s")
    }
    public static let conflictingAuth = SubsonicError(code: 43, message: "Multiple conflicting authentication mechanisms provided")
    public static let invalidAPIKey = SubsonicError(code: 44, message: "Invalid API key")
    public static func notAuthorized(_ message: String) -> SubsonicError { SubsonicError(code: 50, message: message) }
    public static func notFound(_ what: String) -> SubsonicError { SubsonicError(code: 70, message: "\(what) not found") }

    var element: SubsonicElement {
        SubsonicElement(["code": .int(code), "message": .string(message)])
    }
}
