@testable import AudioStreaming
import XCTest

final class ByteRangeTests: XCTestCase {
    func testHeaderForms() {
        XCTAssertEqual(ByteRange(header: nil, size: 1000), .whole)
        XCTAssertEqual(ByteRange(header: "bytes=0-499", size: 1000), .partial(0...499))
        XCTAssertEqual(ByteRange(header: "bytes=500-", size: 1000), .partial(500...999))
        XCTAssertEqual(ByteRange(header: "bytes=-200", size: 1000), .partial(800...999))
        XCTAssertEqual(ByteRange(header: "bytes=-2000", size: 1000), .partial(0...999))
        XCTAssertEqual(ByteRange(header: "bytes=900-5000", size: 1000), .partial(900...999))
    }

    func testUnsatisfiableAndIgnoredHeaders() {
        XCTAssertEqual(ByteRange(header: "bytes=1000-", size: 1000), .unsatisfiable)
        XCTAssertEqual(ByteRange(header: "bytes=-0", size: 1000), .unsatisfiable)
        XCTAssertEqual(ByteRange(header: "bytes=0-", size: 0), .unsatisfiable)
        // Malformed or multi-range headers may be ignored: the whole file is served.
        for header in ["bytes=5-1", "bytes=a-b", "items=0-1", "bytes=0-1,5-6", "bytes=", "bytes=--1"] {
            XCTAssertEqual(ByteRange(header: header, size: 1000), .whole, header)
        }
    }
}
