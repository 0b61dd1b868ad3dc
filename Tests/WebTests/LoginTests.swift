import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Users
import Web
import XCTest

/// The web login, against the real app on loopback over the fixture store with one user.
final class LoginTests: LiveAppTestCase {
    private let password = "correct horse ü"

    struct Route: Sendable, CustomStringConvertible {
        let path: String
        let method: HTTPRequest.Method
        var description: String { "\(method) \(path)" }
    }

    /// Runs `test` against the app with login on; `routes` are every route its router holds.
    private func withLogin(sessionLifetime: TimeInterval = 3600, streamLinkLifetime: TimeInterval = 3600,
                           limiter: LoginRateLimiter = LoginRateLimiter(),
                           _ test: @Sendable ([Route], LoginClient) async throws -> Void) async throws {
        let users = UserDirectory(store: fixture.store)
        if try !users.exists("ann") { try users.add(name: "ann", password: password) }
        let login = try WebLogin(users: users, sessionLifetime: sessionLifetime, streamLinkLifetime: streamLinkLifetime,
                                 limiter: limiter)
        let router = try await buildRouter(store: fixture.store, login: login)
        let routes = router.routes.map { Route(path: "\($0.path)", method: $0.method) }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in try await test(routes, LoginClient(client: client)) }
    }

    func testInChromiumTheLoginFormOpensThePagesAndLogOutClosesThem() async throws {
        let downloads = directory.appendingPathComponent("downloads")
        try await withLogin { _, login in
            let site = "http://localhost:\(login.client.port!)"
            let browser = try await WebDriver(downloads: downloads)
            do {
                try await browser.go(site + "/similar")
                _ = try await browser.find("#login-form")
                try await browser.type("ann", into: "input[name=name]")
                try await browser.type(self.password, into: "input[name=password]")
                try await browser.clickAndWaitForNextPage("#login-form button")
                let url = try await browser.currentURL
                XCTAssertEqual(url, site + "/similar", "back to the page asked for")
                try await browser.go(site + "/")
                try await browser.waitUntil("document.body.dataset.ready === '1'")
                let count = try await browser.text("#match-count strong")
                XCTAssertEqual(count, "12")
                try await browser.click("#logout-link")
                try await browser.click("#logout-form button")
                _ = try await browser.find("#login-form")
                try await browser.go(site + "/")
                let forms = try await browser.findAll("#login-form")
                XCTAssertEqual(forms.count, 1, "logged out: the login form again")
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }

    func testEveryRouteWithoutASessionGetsTheLoginPageOr401() async throws {
        let id = fixture.ids["vibe"]!
        try await withLogin { routes, login in
            let paths = Set(routes.map(\.path))
            for expected in ["/", "/playlist.m3u8", "/similar", "/similar.m3u8", "/path", "/path.m3u8", "/audio/{id}", "/logout"] {
                XCTAssertTrue(paths.contains(expected), "\(expected) is among the routes: \(paths.sorted())")
            }
            for route in routes {
                // Every captured segment gets the id: a track's, a saved playlist's or a file name, all refused alike.
                let path = route.path.replacingOccurrences(of: #"\{[^}]*\}"#, with: "\(id)", options: .regularExpression)
                if path == "/login" || path.hasPrefix("/rest/") { continue }
                for accept in ["text/html", "*/*"] {
                    let response = try await login.client.execute(uri: path, method: route.method, headers: [.accept: accept])
                    XCTAssertEqual(response.status, .unauthorized, "\(route) accepting \(accept)")
                    let html = String(buffer: response.body)
                    XCTAssertFalse(html.contains("Vibe Ace") || html.contains("#EXTM3U"), "\(route) leaks nothing")
                    if route.method == .get, accept == "text/html", !path.hasSuffix(".m3u8"), !path.hasPrefix("/audio/") {
                        XCTAssertTrue(html.contains("id=\"login-form\""), "\(route) shows the login form")
                    }
                }
            }
            let subsonic = try await login.client.execute(uri: "/rest/ping", method: .get)
            XCTAssertTrue(String(buffer: subsonic.body).contains("failed"), "the Subsonic API answers with its own auth error")
        }
    }

    func testWrongPasswordFailsAndIsRateLimited() async throws {
        try await withLogin(limiter: LoginRateLimiter(limit: 2, window: 3600)) { _, login in
            for _ in 0..<2 {
                let wrong = try await login.logIn(name: "ann", password: "wrong")
                XCTAssertEqual(wrong.status, .unauthorized)
                XCTAssertTrue(String(buffer: wrong.body).contains("Wrong name or password."))
                XCTAssertNil(LoginClient.setCookie(SessionCookieName.session, in: wrong))
            }
            let limited = try await login.logIn(name: "ann", password: self.password)
            XCTAssertEqual(limited.status, .tooManyRequests, "even the right password waits once the address is limited")
            XCTAssertTrue(String(buffer: limited.body).contains("Too many failed logins"))
            XCTAssertNil(LoginClient.setCookie(SessionCookieName.session, in: limited))
            let unknown = try await login.logIn(name: "nobody", password: self.password)
            XCTAssertEqual(unknown.status, .tooManyRequests)
        }
    }

    func testASessionOpensThePagesAndLogoutEndsIt() async throws {
        try await withLogin { _, login in
            let response = try await login.logIn(name: "ann", password: self.password)
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertEqual(response.headers[.location], "/")
            let cookie = try XCTUnwrap(LoginClient.setCookie(SessionCookieName.session, in: response))
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=3600"] {
                XCTAssertTrue(cookie.contains(attribute), cookie)
            }
            XCTAssertFalse(cookie.contains("Secure"), "plain HTTP: a Secure cookie would never come back")
            let session = try XCTUnwrap(LoginClient.cookie(SessionCookieName.session, in: response))
            XCTAssertEqual(session.count, 64, "256 random bits in hex")

            let page = try await login.get("/", session: session)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(String(buffer: page.body).contains("<strong>12</strong> of 12 tracks match"))
            XCTAssertTrue(String(buffer: page.body).contains("id=\"logout-link\""))
            let similar = try await login.get("/similar?track=\(self.fixture.ids["vibe"]!)", session: session)
            XCTAssertEqual(similar.status, .ok)

            let logoutPage = try await login.get("/logout", session: session)
            let csrf = try XCTUnwrap(LoginClient.hiddenField("csrf", in: String(buffer: logoutPage.body)))
            let cookieHeader = "\(SessionCookieName.session)=\(session)"
            let forged = try await login.post("/logout", fields: [:], cookie: cookieHeader)
            XCTAssertEqual(forged.status, .forbidden, "a POST without the CSRF token is refused")
            let wrongToken = try await login.post("/logout", fields: ["csrf": String(csrf.reversed())], cookie: cookieHeader)
            XCTAssertEqual(wrongToken.status, .forbidden)
            let stillIn = try await login.get("/", session: session)
            XCTAssertEqual(stillIn.status, .ok, "a refused logout ends nothing")

            let logout = try await login.post("/logout", fields: ["csrf": csrf], cookie: cookieHeader)
            XCTAssertEqual(logout.status, .seeOther)
            XCTAssertTrue(LoginClient.setCookie(SessionCookieName.session, in: logout)?.contains("Max-Age=0") == true)
            let after = try await login.get("/", session: session)
            XCTAssertEqual(after.status, .unauthorized, "the old cookie no longer opens anything")
        }
    }

    func testLoginWithoutItsCSRFTokenIsRefused() async throws {
        try await withLogin { _, login in
            let noToken = try await login.post("/login", fields: ["name": "ann", "password": self.password], cookie: nil)
            XCTAssertEqual(noToken.status, .forbidden)
            let form = try await login.client.execute(uri: "/login", method: .get)
            let csrf = try XCTUnwrap(LoginClient.hiddenField("csrf", in: String(buffer: form.body)))
            let noNonce = try await login.post("/login", fields: ["csrf": csrf, "name": "ann", "password": self.password], cookie: nil)
            XCTAssertEqual(noNonce.status, .forbidden, "a token without the cookie it is bound to (a cross-site POST) is refused")
            XCTAssertNil(LoginClient.setCookie(SessionCookieName.session, in: noNonce))
        }
    }

    func testBehindHTTPSTheCookieIsSecure() async throws {
        try await withLogin { _, login in
            let response = try await login.logIn(name: "ann", password: self.password, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            XCTAssertEqual(response.status, .seeOther)
            XCTAssertTrue(LoginClient.setCookie(SessionCookieName.session, in: response)?.contains("Secure") == true)
        }
    }

    func testAnExpiredSessionOpensNothing() async throws {
        try await withLogin(sessionLifetime: -1) { _, login in
            let session = try await login.session(name: "ann", password: self.password)
            let page = try await login.get("/", session: session)
            XCTAssertEqual(page.status, .unauthorized)
        }
    }

    func testAnM3U8sSignedStreamURLsPlayWithoutACookie() async throws {
        try await withLogin { _, login in
            let session = try await login.session(name: "ann", password: self.password)
            let download = try await login.get("/playlist.m3u8", session: session, accept: "*/*")
            XCTAssertEqual(download.status, .ok)
            let urls = String(buffer: download.body).split(separator: "\n").filter { !$0.hasPrefix("#") }
            XCTAssertEqual(urls.count, 12)
            let url = try XCTUnwrap(URLComponents(string: String(urls[0])))
            XCTAssertEqual(url.scheme, "http")
            XCTAssertTrue(url.path.hasPrefix("/audio/"), url.path)
            let signed = url.percentEncodedPath + "?" + url.percentEncodedQuery!
            let played = try await login.get(signed, session: nil, accept: "*/*")
            XCTAssertEqual(played.status, .ok, "a player without the cookie streams it")
            XCTAssertGreaterThan(played.body.readableBytes, 1000)

            let signature = url.queryItems!.first { $0.name == "sig" }!.value!
            let tampered = signed.replacingOccurrences(of: signature, with: String(signature.reversed()))
            let refused = try await login.get(tampered, session: nil, accept: "*/*")
            XCTAssertEqual(refused.status, .unauthorized)
            let otherId = self.fixture.ids["dnb"]!
            let otherTrack = "/audio/\(otherId)?" + url.percentEncodedQuery!
            XCTAssertNotEqual(url.path, "/audio/\(otherId)")
            let borrowed = try await login.get(otherTrack, session: nil, accept: "*/*")
            XCTAssertEqual(borrowed.status, .unauthorized, "a signature opens only its own track")
        }
    }

    func testAnExpiredStreamURLIsRefused() async throws {
        try await withLogin(streamLinkLifetime: -60) { _, login in
            let session = try await login.session(name: "ann", password: self.password)
            let download = try await login.get("/playlist.m3u8", session: session, accept: "*/*")
            let line = try XCTUnwrap(String(buffer: download.body).split(separator: "\n").first { $0.hasPrefix("http") })
            let url = try XCTUnwrap(URLComponents(string: String(line)))
            let expired = try await login.get(url.percentEncodedPath + "?" + url.percentEncodedQuery!, session: nil, accept: "*/*")
            XCTAssertEqual(expired.status, .unauthorized)
        }
    }

    func testTheSessionSecretIsMadeOnceAndKeptOwnerOnly() throws {
        let users = UserDirectory(store: fixture.store)
        try users.add(name: "ann", password: password)
        let secret = try users.sessionSecret()
        XCTAssertEqual(secret.count, 32)
        XCTAssertEqual(try users.sessionSecret(), secret)
        try users.add(name: "bob", password: "other")
        XCTAssertEqual(try users.sessionSecret(), secret, "adding a user keeps the secret")
        XCTAssertTrue(try users.checkPassword(password, of: "ann"))
        XCTAssertFalse(try users.checkPassword("other", of: "ann"))
        let mode = try FileManager.default.attributesOfItem(atPath: users.credentialsPath)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }
}
