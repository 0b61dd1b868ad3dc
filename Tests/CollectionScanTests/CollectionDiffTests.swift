import CollectionScan
import TrackStore
import XCTest

final class CollectionDiffTests: XCTestCase {
    func testClassifiesEveryFileAndLeavesOtherRootsAlone() {
        let stored: [String: StoredFile] = [
            "/m/same.mp3": StoredFile(id: 1, size: 10, mtime: 5, state: .analyzed),
            "/m/resized.mp3": StoredFile(id: 2, size: 10, mtime: 5, state: .analyzed),
            "/m/retimed.mp3": StoredFile(id: 3, size: 10, mtime: 5, state: .failed),
            "/m/gone.mp3": StoredFile(id: 4, size: 10, mtime: 5, state: .analyzed),
            "/m/back.mp3": StoredFile(id: 5, size: 10, mtime: 5, state: .missing),
            "/other/elsewhere.mp3": StoredFile(id: 6, size: 10, mtime: 5, state: .analyzed),
            "/m2/prefix-trap.mp3": StoredFile(id: 7, size: 10, mtime: 5, state: .analyzed),
        ]
        let found = [
            FoundFile(path: "/m/same.mp3", size: 10, mtime: 5),
            FoundFile(path: "/m/resized.mp3", size: 11, mtime: 5),
            FoundFile(path: "/m/retimed.mp3", size: 10, mtime: 6),
            FoundFile(path: "/m/back.mp3", size: 10, mtime: 5),
            FoundFile(path: "/m/new.mp3", size: 1, mtime: 1),
        ]
        let diff = CollectionDiff(root: "/m", found: found, stored: stored)
        XCTAssertEqual(diff.added.map(\.path), ["/m/new.mp3"])
        XCTAssertEqual(diff.changed.map(\.id).sorted(), [2, 3])
        XCTAssertEqual(diff.unchanged, [1])
        XCTAssertEqual(diff.reappeared, [5])
        XCTAssertEqual(diff.vanished, [4])
    }
}
