import Crypto
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Subsonic/OpenSubsonic client for the few calls `tonearm push` makes. It asks the server first
/// (an unauthenticated `ping` still names the API version, `getOpenSubsonicExtensions` the extensions)
/// and authenticates the strongest way the server offers: an API key when asked for one and supported,
/// else a salted MD5 token (API 1.13 and later), else the hex-encoded password older servers
/// (API ≤ 1.12, such as supysonic 0.7) require. Every call is a form POST, so no credential ends up in
/// a URL a proxy or access log records.
public final class SubsonicClient {
    public let server: URL
    private let credentials: SubsonicCredentials
    private var authentication: [(String, String)] = []
    public private(set) var apiVersion = "1.0.0"
    static let client = "tonearm"

    public init(server: URL, credentials: SubsonicCredentials) throws {
        self.server = server
        self.credentials = credentials
        let hello = try post("ping", [("v", "1.16.1"), ("c", Self.client), ("f", "json")])
        apiVersion = hello["version"] as? String ?? apiVersion
        switch credentials.secret {
        case .apiKey(let key):
            guard try extensions(openSubsonic: hello["openSubsonic"] as? Bool == true).contains("apiKeyAuthentication") else {
                throw PushError("\(server.absoluteString) does not take API keys (no OpenSubsonic apiKeyAuthentication): use --password-file")
            }
            authentication = [("apiKey", key)]
        case .password(let password):
            if Self.version(apiVersion, atLeast: [1, 13, 0]) {
                let salt = (0..<12).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
                let token = Insecure.MD5.hash(data: Data((password + salt).utf8)).map { String(format: "%02x", $0) }.joined()
                authentication = [("u", credentials.user), ("t", token), ("s", salt)]
            } else {
                let hex = Data(password.utf8).map { String(format: "%02x", $0) }.joined()
                authentication = [("u", credentials.user), ("p", "enc:" + hex)]
            }
        }
        _ = try call("ping")
    }

    /// Calls `method` with the authentication and the given parameters (repeatable names allowed);
    /// answers the `subsonic-response` object, or throws the server's error as one line.
    @discardableResult
    public func call(_ method: String, _ parameters: [(String, String)] = []) throws -> [String: Any] {
        let response = try post(method, authentication + [("v", apiVersion), ("c", Self.client), ("f", "json")] + parameters)
        if let error = response["error"] as? [String: Any] {
            let message = error["message"] as? String ?? "error"
            let code = error["code"] as? Int ?? 0
            if code == 40 || code == 41 || code == 44 {
                throw PushError("\(server.absoluteString) refused \(credentials.user.isEmpty ? "the API key" : "user \(credentials.user)"): \(message) (code \(code))", code: code)
            }
            throw PushError("\(server.absoluteString) answered \(method) with an error: \(message) (code \(code))", code: code)
        }
        return response
    }

    private func extensions(openSubsonic: Bool) throws -> [String] {
        guard openSubsonic else { return [] }
        let response = try post("getOpenSubsonicExtensions", [("v", "1.16.1"), ("c", Self.client), ("f", "json")])
        return (response["openSubsonicExtensions"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    private func post(_ method: String, _ parameters: [(String, String)]) throws -> [String: Any] {
        var request = URLRequest(url: server.appendingPathComponent("rest").appendingPathComponent(method))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(parameters.map { "\(Self.escape($0))=\(Self.escape($1))" }.joined(separator: "&").utf8)
        request.timeoutInterval = 60
        let (data, status) = try Self.send(request)
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let response = json["subsonic-response"] as? [String: Any] else {
            throw PushError("\(server.absoluteString) is not a Subsonic server (\(method): HTTP \(status), no subsonic-response)")
        }
        return response
    }

    private static func send(_ request: URLRequest) throws -> (Data, Int) {
        let done = DispatchSemaphore(value: 0)
        let box = Reply()
        URLSession.shared.dataTask(with: request) { data, response, error in
            box.result = error.map { .failure($0) } ?? .success((data ?? Data(), (response as? HTTPURLResponse)?.statusCode ?? 0))
            done.signal()
        }.resume()
        done.wait()
        switch box.result! {
        case .success(let reply): return reply
        case .failure(let error): throw PushError("cannot reach \(request.url?.deletingLastPathComponent().deletingLastPathComponent().absoluteString ?? "the server"): \(error.localizedDescription)")
        }
    }

    private static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func version(_ text: String, atLeast minimum: [Int]) -> Bool {
        let parts = text.split(separator: ".").map { Int($0) ?? 0 }
        for (index, wanted) in minimum.enumerated() {
            let have = index < parts.count ? parts[index] : 0
            if have != wanted { return have > wanted }
        }
        return true
    }
}

private final class Reply: @unchecked Sendable {
    var result: Result<(Data, Int), Error>?
}
