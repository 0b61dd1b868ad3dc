import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import XCTest

/// Every method of the OpenSubsonic spec (the paths of the shared openapi.json, which holds Subsonic
/// 1.16.1's too), called as a logged-in player with no parameters, in JSON and in XML: each answers
/// HTTP 200 with a Subsonic envelope, and exactly the methods tonearm leaves out say so with error 0.
final class SubsonicMethodSweepTests: XCTestCase {
    /// What tonearm does not do (podcasts, shares, radio, chat, video, jukebox, bookmarks, transcoding,
    /// user administration): these answer error 0 and a message.
    static let leftOut: Set<String> = [
        "addChatMessage", "changePassword", "createBookmark", "createInternetRadioStation", "createPodcastChannel", "createShare",
        "createUser", "deleteBookmark", "deleteInternetRadioStation", "deletePodcastChannel", "deletePodcastEpisode", "deleteShare",
        "deleteUser", "downloadPodcastEpisode", "getAvatar", "getBookmarks", "getCaptions", "getChatMessages",
        "getInternetRadioStations", "getNewestPodcasts", "getPodcastEpisode", "getPodcasts", "getShares", "getTranscodeDecision",
        "getTranscodeStream", "getUsers", "getVideoInfo", "getVideos", "hls.m3u8", "jukeboxControl", "refreshPodcasts",
        "reportPlayback", "tokenInfo", "updateInternetRadioStation", "updateShare", "updateUser",
    ]

    func testEveryMethodAnswersInTheEnvelopeInBothFormats() async throws {
        let folder = try Fixtures.temporaryDirectory("tonearm-sweep")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try SubsonicFixture.make(in: folder)
        let added = try TonearmCLI.run(["users", "add", "sweep", "--db", fixture.store.path], stdin: "pw\n")
        XCTAssertEqual(added.status, 0, added.stderr)
        let server = try LiveServer(db: fixture.store.path)
        defer { server.stop() }

        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.shared
            .appendingPathComponent("opensubsonic-openapi/openapi.json"))) as! [String: Any]
        let methods = (spec["paths"] as! [String: Any]).keys.map { String($0.dropFirst("/rest/".count)) }.sorted()
        XCTAssertGreaterThan(methods.count, 80)
        var saidLeftOut: Set<String> = []
        for method in methods {
            for format in ["json", "xml"] {
                let url = URL(string: "http://127.0.0.1:\(server.port)/rest/\(method)?u=sweep&p=pw&v=1.16.1&c=sweep&f=\(format)")!
                let (body, response) = try await URLSession.shared.data(from: url)
                let http = try XCTUnwrap(response as? HTTPURLResponse)
                XCTAssertEqual(http.statusCode, 200, "\(method) \(format)")
                XCTAssertEqual(http.value(forHTTPHeaderField: "Content-Type"), "application/\(format); charset=utf-8", "\(method) \(format)")
                let (status, code, message) = try Self.envelope(body, format: format, method: method)
                XCTAssertTrue(["ok", "failed"].contains(status), "\(method) \(format): status \(status)")
                if code == 0, message.hasPrefix("tonearm does not implement") { saidLeftOut.insert(method) }
                if status == "failed" { XCTAssertNotNil(code, "\(method) \(format): a failure without an error code") }
            }
        }
        XCTAssertEqual(saidLeftOut, Self.leftOut, "the methods answered with error 0 are exactly the ones left out")

        let unknown = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(server.port)/rest/noSuchMethod?u=sweep&p=pw&f=json")!)
        XCTAssertEqual((unknown.1 as? HTTPURLResponse)?.statusCode, 404)
        XCTAssertEqual(try Self.envelope(unknown.0, format: "json", method: "noSuchMethod").status, "failed")
    }

    /// Status, error code and message of a reply, from either format.
    private static func envelope(_ body: Data, format: String, method: String) throws -> (status: String, code: Int?, message: String) {
        if format == "json" {
            let object = try JSONSerialization.jsonObject(with: body) as? [String: Any]
            let reply = try XCTUnwrap(object?["subsonic-response"] as? [String: Any], "\(method): no subsonic-response")
            XCTAssertEqual(reply["version"] as? String, "1.16.1", method)
            let error = reply["error"] as? [String: Any]
            return (reply["status"] as? String ?? "", error?["code"] as? Int, error?["message"] as? String ?? "")
        }
        let reader = EnvelopeReader()
        let parser = XMLParser(data: body)
        parser.delegate = reader
        XCTAssertTrue(parser.parse(), "\(method): the XML does not parse")
        XCTAssertEqual(reader.root, "subsonic-response", method)
        XCTAssertEqual(reader.rootAttributes["version"], "1.16.1", method)
        return (reader.rootAttributes["status"] ?? "", reader.error["code"].flatMap { Int($0) }, reader.error["message"] ?? "")
    }
}

/// The root element's attributes and the error element's, from a parse of the whole document.
private final class EnvelopeReader: NSObject, XMLParserDelegate {
    var root: String?
    var rootAttributes: [String: String] = [:]
    var error: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        if root == nil {
            root = name
            rootAttributes = attributes
        } else if name == "error" {
            error = attributes
        }
    }
}
