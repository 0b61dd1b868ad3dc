import Foundation
import XCTest

/// Directories that several tests of one process share (built once, read by many); they are removed
/// when the test bundle finishes, so repeated runs leave nothing in the temp folder.
public final class BundleScopedDirectories: NSObject, XCTestObservation, @unchecked Sendable {
    private static let instance = BundleScopedDirectories()
    private let lock = NSLock()
    private var directories: [URL] = []
    private var observing = false

    /// A new empty directory under the system temp folder, removed at the end of the test run.
    public static func make(_ label: String) throws -> URL {
        let directory = try Fixtures.temporaryDirectory(label)
        instance.register(directory)
        return directory
    }

    private func register(_ directory: URL) {
        lock.lock()
        defer { lock.unlock() }
        directories.append(directory)
        if !observing {
            observing = true
            XCTestObservationCenter.shared.addTestObserver(self)
        }
    }

    public func testBundleDidFinish(_ testBundle: Bundle) {
        lock.lock()
        defer { lock.unlock() }
        directories.forEach { try? FileManager.default.removeItem(at: $0) }
        directories.removeAll()
    }
}
