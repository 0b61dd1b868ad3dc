import HummingbirdTesting
import TrackStore
import Web
import XCTest

/// Tests against the real app on a loopback port, over a fresh fixture store per test.
class LiveAppTestCase: XCTestCase {
    var fixture: WebFixture!

    override func setUpWithError() throws {
        fixture = try WebFixture.make()
    }

    override func tearDown() {
        fixture.remove()
    }

    /// Runs `test` with a client of the app serving `store` (the fixture's by default).
    func withServer(store: TrackStore? = nil, _ test: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = try await buildApplication(store: store ?? fixture.store, port: 0)
        try await app.test(.live, test)
    }
}
