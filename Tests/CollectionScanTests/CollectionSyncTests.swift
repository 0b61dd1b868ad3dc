import CollectionScan
import Foundation
import TestSupport
import TrackStore
import XCTest

final class CollectionSyncTests: XCTestCase {
    func testRecordsNewFilesThenSeesOnlyWhatChanged() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let audio = folder.appendingPathComponent("audio/a/b")
        try FileManager.default.createDirectory(at: audio, withIntermediateDirectories: true)
        for name in ["one.mp3", "two.flac", "three.ogg", "notes.txt"] {
            try Data().write(to: audio.appendingPathComponent(name))
        }
        let store = try TrackStore(path: folder.appendingPathComponent("store.sqlite").path)
        let root = folder.appendingPathComponent("audio").resolvingSymlinksInPath().path

        let first = try store.sync(root: root)
        XCTAssertEqual([first.files.count, first.added, first.changed, first.vanished], [3, 3, 0, 0])
        XCTAssertEqual(try store.status().pending, 3)

        let unchanged = try store.sync(root: root)
        XCTAssertEqual([unchanged.added, unchanged.changed, unchanged.vanished], [0, 0, 0])

        try Data([1]).write(to: audio.appendingPathComponent("one.mp3"))
        try FileManager.default.removeItem(at: audio.appendingPathComponent("two.flac"))
        let later = try store.sync(root: root)
        XCTAssertEqual([later.files.count, later.added, later.changed, later.vanished], [2, 0, 1, 1])
        XCTAssertEqual(try store.status().missing, 1)
    }
}
