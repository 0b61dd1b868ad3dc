@testable import AudioStreaming
import XCTest

final class AudioContentTypeTests: XCTestCase {
    func testContentTypeByExtension() {
        XCTAssertEqual(AudioContentType.forPath("/a/b.MP3"), "audio/mpeg")
        XCTAssertEqual(AudioContentType.forPath("/a/b.flac"), "audio/flac")
        XCTAssertEqual(AudioContentType.forPath("/a/b.m4a"), "audio/mp4")
        XCTAssertEqual(AudioContentType.forPath("/a/b.ogg"), "audio/ogg")
        XCTAssertEqual(AudioContentType.forPath("/a.dir/noextension"), "application/octet-stream")
    }
}
