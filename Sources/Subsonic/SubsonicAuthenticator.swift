import Crypto
import Foundation
import Users

/// Who a request is from: a token (`u`, `t` = md5(password + `s`), `s`), a legacy password
/// (`u`, `p` in the clear or `enc:` + hex), or an OpenSubsonic `apiKey` (alone). Wrong credentials
/// count against the client's address in the rate limiter (a request with none is no guess and does
/// not); a limited address is refused before any check.
struct SubsonicAuthenticator: Sendable {
    let users: UserDirectory
    let limiter: LoginRateLimiter

    func user(for parameters: SubsonicParameters, address: String) throws -> String {
        if let wait = limiter.retryAfter(address: address) {
            throw SubsonicError.rateLimited(seconds: Int(wait.rounded(.up)))
        }
        do {
            let user = try check(parameters)
            limiter.recordSuccess(address: address)
            return user
        } catch let error as SubsonicError where [40, 44].contains(error.code) && error != .authenticationRequired {
            limiter.recordFailure(address: address)
            throw error
        }
    }

    private func check(_ parameters: SubsonicParameters) throws -> String {
        let name = parameters.string("u")
        if let key = parameters.string("apiKey") {
            guard name == nil else { throw SubsonicError.conflictingAuth }
            guard let user = try users.user(forAPIKey: key) else { throw SubsonicError.invalidAPIKey }
            return user
        }
        guard let name, !name.isEmpty else { throw SubsonicError.authenticationRequired }
        let token = parameters.string("t"), salt = parameters.string("s"), given = parameters.string("p")
        guard (token != nil && salt != nil) || given != nil else { throw SubsonicError.missingParameter("p or t and s") }
        guard let password = try users.password(of: name) else { throw SubsonicError.wrongCredentials }
        if let token, let salt {
            guard Self.md5Hex(password + salt) == token.lowercased() else { throw SubsonicError.wrongCredentials }
        } else if let given {
            guard Self.decodedPassword(given) == password else { throw SubsonicError.wrongCredentials }
        }
        return name
    }

    static func md5Hex(_ text: String) -> String {
        Insecure.MD5.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// `enc:` + hex of the UTF-8 bytes, else the password as given; bad hex matches nothing.
    /// Bytes that are no UTF-8 are read as Latin-1: py-sonic and py-opensonic hex-encode code points,
    /// not UTF-8 bytes, so "ü" arrives as FC.
    static func decodedPassword(_ given: String) -> String? {
        guard given.hasPrefix("enc:") else { return given }
        let hex = Array(given.dropFirst(4).utf8)
        guard hex.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: hex.count, by: 2) {
            guard let byte = UInt8(String(decoding: hex[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return String(bytes: bytes, encoding: .utf8) ?? String(bytes: bytes, encoding: .isoLatin1)
    }
}
