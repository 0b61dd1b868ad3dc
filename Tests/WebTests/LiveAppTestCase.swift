import Hummingbird
import HummingbirdTesting
import TestSupport
import TrackStore
import Web
import XCTest

/// Tests against the real app on a loopback port, over a fresh fixture store per test.
class LiveAppTestCase: TemporaryDirectoryTestCase {
    var fixture: WebFixture!

    override func setUpWithError() throws {
        try super.setUpWithError()
        fixture = try WebFixture.make(in: directory)
    }

    /// Runs `test` with a client of the app serving `store` (the fixture's by default).
    func withServer(store: TrackStore? = nil, _ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try await buildApplication(store: store ?? fixture.store, port: 0)
        try await app.test(.live, test)
    }

    /// A page's HTML, its status checked.
    func page(_ uri: String, _ client: any TestClientProtocol, status: HTTPResponse.Status = .ok,
              file: StaticString = #filePath, line: UInt = #line) async throws -> String {
        let response = try await client.execute(uri: uri, method: .get)
        XCTAssertEqual(response.status, status, uri, file: file, line: line)
        return String(buffer: response.body)
    }
}
