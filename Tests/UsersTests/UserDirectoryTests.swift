import Foundation
import GRDB
import TestSupport
import TrackStore
import Users
import XCTest

final class UserDirectoryTests: XCTestCase {
    private var folder: URL!
    private var users: UserDirectory!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryDirectory("tonearm-users")
        users = UserDirectory(store: try TrackStore(path: folder.appendingPathComponent("store.sqlite").path))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testPasswordsLiveInAnOwnerOnlyFileAndNotInTheStore() throws {
        try users.add(name: "alice", password: "s3cret-Pässword")
        XCTAssertEqual(try users.password(of: "alice"), "s3cret-Pässword")
        let mode = try FileManager.default.attributesOfItem(atPath: users.credentialsPath)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let store = try Data(contentsOf: folder.appendingPathComponent("store.sqlite"))
        XCTAssertNil(store.range(of: Data("s3cret".utf8)), "the password must not be in the store")
        XCTAssertEqual(try users.list().map(\.name), ["alice"])
    }

    func testNamesAreCheckedAndUnique() throws {
        try users.add(name: "bob", password: "x")
        XCTAssertThrowsError(try users.add(name: "bob", password: "y")) { XCTAssertEqual($0 as? UserDirectoryError, .alreadyExists("bob")) }
        XCTAssertThrowsError(try users.add(name: "../etc", password: "y"))
        XCTAssertThrowsError(try users.add(name: "carol", password: ""))
        XCTAssertEqual(try users.password(of: "bob"), "x")
    }

    func testAPIKeysAreStoredOnlyAsHashesAndGoWithTheirUser() throws {
        try users.add(name: "alice", password: "pw")
        let key = try users.newAPIKey(for: "alice")
        XCTAssertEqual(key.count, 64)
        XCTAssertEqual(try users.user(forAPIKey: key), "alice")
        XCTAssertNil(try users.user(forAPIKey: key.uppercased()))
        let stored = try String.fetchAllHashes(users)
        XCTAssertFalse(stored.contains(key))
        XCTAssertEqual(try users.list().first?.apiKeyCount, 1)
        try users.remove(name: "alice")
        XCTAssertNil(try users.user(forAPIKey: key))
        XCTAssertNil(try users.password(of: "alice"))
        XCTAssertThrowsError(try users.remove(name: "alice"))
        XCTAssertThrowsError(try users.newAPIKey(for: "nobody"))
    }

    func testRateLimiterRefusesAnAddressAfterTooManyFailuresUntilTheWindowPasses() {
        let limiter = LoginRateLimiter(limit: 3, window: 60)
        let start = Date(timeIntervalSince1970: 1000)
        for second in 0..<3 {
            XCTAssertNil(limiter.retryAfter(address: "10.0.0.1", now: start.addingTimeInterval(Double(second))))
            limiter.recordFailure(address: "10.0.0.1", now: start.addingTimeInterval(Double(second)))
        }
        XCTAssertEqual(limiter.retryAfter(address: "10.0.0.1", now: start.addingTimeInterval(10)), 50)
        XCTAssertNil(limiter.retryAfter(address: "10.0.0.2", now: start.addingTimeInterval(10)), "other addresses are not affected")
        XCTAssertNil(limiter.retryAfter(address: "10.0.0.1", now: start.addingTimeInterval(61)))
        limiter.recordFailure(address: "10.0.0.3", now: start)
        limiter.recordSuccess(address: "10.0.0.3")
        limiter.recordFailure(address: "10.0.0.3", now: start)
        limiter.recordFailure(address: "10.0.0.3", now: start)
        XCTAssertNil(limiter.retryAfter(address: "10.0.0.3", now: start), "a success clears the count")
    }
}

private extension String {
    /// Every value of the api_key table, to show the key itself is not among them.
    static func fetchAllHashes(_ users: UserDirectory) throws -> [String] {
        let store = try TrackStore(path: users.credentialsPath.replacingOccurrences(of: ".credentials", with: ""))
        return try store.dbPool.read { try String.fetchAll($0, sql: "SELECT hash || userName FROM api_key") }
    }
}
