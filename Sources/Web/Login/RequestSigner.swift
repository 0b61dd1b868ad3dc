import Crypto
import Foundation

/// HMAC-SHA256 under the store's session secret: CSRF tokens and signed stream links are
/// signatures of what they vouch for, so nothing but the secret has to be kept to check them.
struct RequestSigner: Sendable {
    private let secret: Data

    init(secret: Data) {
        self.secret = secret
    }

    private var key: SymmetricKey { SymmetricKey(data: secret) }

    func sign(_ message: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key)).map { String(format: "%02x", $0) }.joined()
    }

    /// Constant-time: a guess learns nothing from how long the refusal took.
    func isValid(_ signature: String, for message: String) -> Bool {
        guard let bytes = Self.bytes(hex: signature) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(bytes, authenticating: Data(message.utf8), using: key)
    }

    private static func bytes(hex: String) -> Data? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var data = Data()
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            data.append(byte)
        }
        return data
    }

    /// 256 random bits as hex, for session tokens and login nonces.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
