import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Web
import XCTest

/// The audio route on the live app: ranges, content types and what it must never serve.
final class AudioTests: LiveAppTestCase {
    func testWholeFileWithTypeAndLength() async throws {
        let (id, bytes) = (fixture.ids["unicode"]!, try Data(contentsOf: URL(fileURLWithPath: fixture.path("unicode"))))
        let flac = fixture.ids["voxel"]!
        try await withServer { client in
            let response = try await client.execute(uri: "/audio/\(id)", method: .get)
            XCTAssertEqual(response.status, .ok)
            XCTAssertEqual(response.headers[.contentType], "audio/mpeg")
            XCTAssertEqual(response.headers[.acceptRanges], "bytes")
            XCTAssertEqual(response.headers[.contentLength], String(bytes.count))
            XCTAssertEqual(Data(buffer: response.body), bytes)
            let other = try await client.execute(uri: "/audio/\(flac)", method: .head)
            XCTAssertEqual(other.headers[.contentType], "audio/flac")
        }
    }

    func testRangesReturn206WithExactlyTheRequestedBytes() async throws {
        let id = fixture.ids["vibe"]!
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.path("vibe")))
        let size = bytes.count
        try await withServer { client in
            let cases: [(String, ClosedRange<Int>)] = [
                ("bytes=100-199", 100...199), ("bytes=0-0", 0...0), ("bytes=-50", (size - 50)...(size - 1)),
                ("bytes=\(size - 10)-", (size - 10)...(size - 1)), ("bytes=\(size - 5)-\(size + 100)", (size - 5)...(size - 1)),
            ]
            for (header, range) in cases {
                let response = try await client.execute(uri: "/audio/\(id)", method: .get, headers: [.range: header])
                XCTAssertEqual(response.status, .partialContent, header)
                XCTAssertEqual(response.headers[.contentRange], "bytes \(range.lowerBound)-\(range.upperBound)/\(size)", header)
                XCTAssertEqual(response.headers[.contentLength], String(range.count), header)
                XCTAssertEqual(Data(buffer: response.body), bytes[range], header)
            }
        }
    }

    func testUnsatisfiableRangeIs416() async throws {
        let id = fixture.ids["vibe"]!
        let size = try Data(contentsOf: URL(fileURLWithPath: fixture.path("vibe"))).count
        try await withServer { client in
            for header in ["bytes=\(size)-", "bytes=\(size + 10)-\(size + 20)", "bytes=-0"] {
                let response = try await client.execute(uri: "/audio/\(id)", method: .get, headers: [.range: header])
                XCTAssertEqual(response.status, .rangeNotSatisfiable, header)
                XCTAssertEqual(response.headers[.contentRange], "bytes */\(size)", header)
            }
        }
    }

    func testUnknownIdsAre404() async throws {
        try await withServer { client in
            for uri in ["/audio/999999", "/audio/0", "/audio/-1", "/audio/abc", "/audio/"] {
                let response = try await client.execute(uri: uri, method: .get)
                XCTAssertEqual(response.status, .notFound, uri)
            }
        }
    }

    func testPathsInTheRequestNeverReachAFile() async throws {
        let id = fixture.ids["vibe"]!
        let storeFile = fixture.store.path
        let attempts = [
            "/audio/../../etc/passwd", "/audio/..%2F..%2Fetc%2Fpasswd", "/audio/%2e%2e/%2e%2e/etc/passwd",
            "/audio/%252e%252e%252fetc%252fpasswd", "/audio/\(id)/../../../../etc/passwd", "/audio/\(id)%2F..%2F..%2Fetc%2Fpasswd",
            "/audio//etc/passwd", "/audio/%2Fetc%2Fpasswd", "/../../etc/passwd", "/etc/passwd", "/audio/\(id)?path=/etc/passwd",
            "/audio/\(storeFile)", "/audio/" + storeFile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
        ]
        let vibeBytes = try Data(contentsOf: URL(fileURLWithPath: fixture.path("vibe")))
        try await withServer { client in
            for uri in attempts {
                let response = try await client.execute(uri: uri, method: .get)
                let body = Data(buffer: response.body)
                XCTAssertFalse(String(decoding: body, as: UTF8.self).contains("root:"), uri)
                XCTAssertFalse(body.starts(with: Data("SQLite format".utf8)), uri)
                // Only the track's own audio may come back, and only for its own id.
                if response.status == .ok {
                    XCTAssertEqual(body, vibeBytes, uri)
                } else {
                    XCTAssertTrue([.notFound, .badRequest].contains(response.status), "\(uri): \(response.status)")
                }
            }
        }
    }

    func testTrackWhoseFileIsGoneIs404() async throws {
        let id = fixture.ids["script"]!
        try FileManager.default.removeItem(atPath: fixture.path("script"))
        try await withServer { client in
            let response = try await client.execute(uri: "/audio/\(id)", method: .get)
            XCTAssertEqual(response.status, .notFound)
        }
    }
}
