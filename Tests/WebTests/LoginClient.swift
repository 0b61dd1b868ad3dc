import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import XCTest

/// Drives the login form as a browser would: GET /login for its nonce cookie and CSRF token, then
/// POST the credentials with both. Returns the POST's response.
struct LoginClient {
    let client: any TestClientProtocol

    func logIn(name: String, password: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        let form = try await client.execute(uri: "/login", method: .get, headers: headers)
        let nonce = try XCTUnwrap(Self.cookie(SessionCookieName.loginNonce, in: form))
        let csrf = try XCTUnwrap(Self.hiddenField("csrf", in: String(buffer: form.body)))
        return try await post("/login", fields: ["csrf": csrf, "name": name, "password": password, "next": "/"],
                              cookie: "\(SessionCookieName.loginNonce)=\(nonce)", headers: headers)
    }

    /// A session cookie from a successful login.
    func session(name: String, password: String) async throws -> String {
        let response = try await logIn(name: name, password: password)
        XCTAssertEqual(response.status, .seeOther)
        return try XCTUnwrap(Self.cookie(SessionCookieName.session, in: response))
    }

    func post(_ uri: String, fields: [String: String], cookie: String?, headers: HTTPFields = [:]) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let cookie { headers[.cookie] = cookie }
        let body = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func get(_ uri: String, session: String?, accept: String = "text/html") async throws -> TestResponse {
        var headers: HTTPFields = [.accept: accept]
        if let session { headers[.cookie] = "\(SessionCookieName.session)=\(session)" }
        return try await client.execute(uri: uri, method: .get, headers: headers)
    }

    static func setCookie(_ name: String, in response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix("\(name)=") }
    }

    static func cookie(_ name: String, in response: TestResponse) -> String? {
        setCookie(name, in: response).map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
    }

    static func hiddenField(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// The cookie names, spelled out here so a rename in the app shows up as a failing test.
enum SessionCookieName {
    static let session = "tonearm_session"
    static let loginNonce = "tonearm_login"
}
