import TrackStore
import XCTest

/// The readable form of a file name's bytes, and when the bytes must be kept beside it.
final class RawPathTests: XCTestCase {
    func testAUTF8NameIsItsOwnReadableForm() {
        let path = RawPath("/music/Sigur Rós/日本 \\xE9.flac")
        XCTAssertTrue(path.isUTF8)
        XCTAssertEqual(path.display, "/music/Sigur Rós/日本 \\xE9.flac")
        XCTAssertEqual(Track(rawPath: path, size: 1, mtime: 1).pathBytes, nil)
    }

    func testStrayBytesAreShownAsHexAndValidSequencesAroundThemKept() {
        // Latin-1 é, a truncated 3-byte sequence, an overlong "/" and a valid ü between them.
        let path = RawPath(bytes: Array("/m/caf".utf8) + [0xE9] + Array("ü".utf8) + [0xE2, 0x82] + [0xC0, 0xAF] + Array(".mp3".utf8))
        XCTAssertFalse(path.isUTF8)
        XCTAssertEqual(path.display, "/m/caf\\xE9ü\\xE2\\x82\\xC0\\xAF.mp3")
        let track = Track(rawPath: path, size: 1, mtime: 1)
        XCTAssertEqual(track.path, path.display)
        XCTAssertEqual(track.rawPath, path, "the bytes come back exactly")
    }

    func testFolderDropsTheLastComponentByBytes() {
        XCTAssertEqual(RawPath(bytes: [0x2F, 0x61, 0xE9, 0x2F, 0x62]).folder, RawPath(bytes: [0x2F, 0x61, 0xE9]))
        XCTAssertEqual(RawPath("/a.mp3").folder, RawPath("/"))
    }
}
