import CollectionScan
import Foundation
import TestSupport
import TrackStore
import XCTest

final class AudioFileFinderTests: TemporaryDirectoryTestCase {
    private var root: URL { directory }

    private func touch(_ relative: String, bytes: Int = 3) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(repeating: 7, count: bytes).write(to: url)
    }

    private func found() throws -> [String] {
        try AudioFileFinder().find(under: root.path).map { String($0.path.dropFirst(root.path.count + 1)) }.sorted()
    }

    func testFindsAudioAtAnyDepthWithCaseInsensitiveExtensions() throws {
        for name in ["a.mp3", "x/B.FLAC", "x/y/z/c.Ogg", "d.opus", "e.m4a", "f.wv", "g.ape", "h.aiff", "i.wma", "j.oga", "k.mp4", "l.wav"] {
            try touch(name)
        }
        XCTAssertEqual(try found(), ["a.mp3", "d.opus", "e.m4a", "f.wv", "g.ape", "h.aiff", "i.wma", "j.oga", "k.mp4", "l.wav",
                                     "x/B.FLAC", "x/y/z/c.Ogg"])
    }

    func testHiddenFilesHiddenFoldersAndNonAudioAreIgnoredQuietly() throws {
        for name in ["keep.mp3", ".hidden.mp3", ".cache/inside.mp3", "cover.jpg", "notes.txt", "noextension"] {
            try touch(name)
        }
        XCTAssertEqual(try found(), ["keep.mp3"])
    }

    func testASymlinkLoopIsWalkedOnceAndLinkedFoldersAreFollowed() throws {
        try touch("music/song.mp3")
        try touch("elsewhere/linked.flac")
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("music/loop"), withDestinationURL: root)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("music/more"),
                                                   withDestinationURL: root.appendingPathComponent("elsewhere"))
        let paths = try found()
        XCTAssertTrue(paths.contains("music/song.mp3"))
        XCTAssertTrue(paths.contains("music/more/linked.flac"))
        XCTAssertLessThan(paths.count, 10, "the loop must not be walked repeatedly: \(paths)")
    }

    func testSizeAndModificationTimeAreRecorded() throws {
        try touch("a.mp3", bytes: 1234)
        let date = Date(timeIntervalSince1970: 1_700_000_000.25)
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: root.appendingPathComponent("a.mp3").path)
        let file = try XCTUnwrap(try AudioFileFinder().find(under: root.path).first)
        XCTAssertEqual(file.size, 1234)
        XCTAssertEqual(file.mtime, 1_700_000_000.25, accuracy: 0.001)
    }

    func testAMissingFolderIsAClearError() {
        XCTAssertThrowsError(try AudioFileFinder().find(under: root.appendingPathComponent("nope").path)) { error in
            XCTAssertTrue("\(error)".hasSuffix("is not a folder (or does not exist)"))
        }
    }
}
