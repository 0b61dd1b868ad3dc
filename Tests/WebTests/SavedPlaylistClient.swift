import Foundation
import HTTPTypes
import HummingbirdTesting
import XCTest

/// Saves and deletes smart playlists as the pages' forms do: the CSRF token from a page, then the POST.
struct SavedPlaylistClient {
    let client: any TestClientProtocol
    var session: String?

    private var forms: LoginClient { LoginClient(client: client) }
    private var cookie: String? { session.map { "\(SessionCookieName.session)=\($0)" } }

    /// The token of the playlists page's save form.
    func csrf() async throws -> String {
        let page = try await forms.get("/", session: session)
        return try XCTUnwrap(LoginClient.hiddenField("csrf", in: String(buffer: page.body)), "the save form carries a token")
    }

    /// `csrf` nil sends the form without its token.
    func save(_ name: String, query: String, overwrite: Bool = false, csrf: String?,
              headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = ["name": name, "query": query]
        if overwrite { fields["overwrite"] = "1" }
        if let csrf { fields["csrf"] = csrf }
        return try await forms.post("/saved", fields: fields, cookie: cookie, headers: headers)
    }

    func delete(id: Int64, confirm: Bool, csrf: String?) async throws -> TestResponse {
        var fields: [String: String] = confirm ? ["confirm": "1"] : [:]
        if let csrf { fields["csrf"] = csrf }
        return try await forms.post("/saved/\(id)/delete", fields: fields, cookie: cookie)
    }

    func get(_ uri: String) async throws -> String {
        String(buffer: try await forms.get(uri, session: session).body)
    }

    /// Name → matches shown on the Saved page.
    func savedPage() async throws -> [String: Int] {
        let html = try await get("/saved")
        var found: [String: Int] = [:]
        for row in html.components(separatedBy: "<tr data-saved-id=").dropFirst() {
            guard let count = Self.between(row, "<td class=\"matches\">", "</td>").flatMap(Int.init),
                  let name = Self.between(row, "class=\"open\" href=\"", "</a>")?.components(separatedBy: "\">").last else { continue }
            found[name] = count
        }
        return found
    }

    static func savedIds(in html: String) -> [Int64] {
        html.components(separatedBy: "<tr data-saved-id=\"").dropFirst().compactMap { Int64($0.prefix { $0 != "\"" }) }
    }

    private static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let open = text.range(of: start), let close = text.range(of: end, range: open.upperBound..<text.endIndex) else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
    }
}
