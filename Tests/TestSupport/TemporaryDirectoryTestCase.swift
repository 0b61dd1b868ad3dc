import Foundation
import XCTest

/// A test case with a fresh directory per test, removed afterwards.
open class TemporaryDirectoryTestCase: XCTestCase {
    public var directory: URL!

    open override func setUpWithError() throws {
        directory = try Fixtures.temporaryDirectory()
    }

    open override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }
}
