import Playlists
import XCTest

final class ValueRangeTests: XCTestCase {
    func testRangeSyntax() throws {
        let cases: [(String, Double?, Double?)] = [
            ("120-128", 120, 128), ("0.6-", 0.6, nil), ("-0.3", nil, 0.3), (" 5-7 ", 5, 7),
            ("-20--8", -20, -8), ("-20-", -20, nil), ("--8", nil, -8), ("7", 7, 7), (".5-.75", 0.5, 0.75),
        ]
        for (text, lower, upper) in cases {
            XCTAssertEqual(try ValueRange(parsing: text, parameter: "x"), ValueRange(lower: lower, upper: upper), text)
        }
    }

    func testDescriptionParsesBackToTheSameRange() throws {
        for text in ["120-128", "0.6-", "-0.3", "-20--8", "--8", "-20-", "7", "1.25-2.5"] {
            let range = try ValueRange(parsing: text, parameter: "x")
            XCTAssertEqual(range.description, text)
            XCTAssertEqual(try ValueRange(parsing: range.description, parameter: "x"), range)
        }
    }

    func testBadRangesAreRefusedWithTheParameterName() {
        for text in ["", "-", "fast", "120-abc", "1-2-3", "128-120", "inf-"] {
            XCTAssertThrowsError(try ValueRange(parsing: text, parameter: "bpm"), text) { error in
                XCTAssertTrue("\(error)".hasPrefix("bpm: expected"), "\(error)")
            }
        }
    }

    func testContainsIsInclusiveAndOpenEndsAreUnbounded() throws {
        let range = try ValueRange(parsing: "120-128", parameter: "bpm")
        XCTAssertTrue(range.contains(120))
        XCTAssertTrue(range.contains(128))
        XCTAssertFalse(range.contains(128.01))
        XCTAssertFalse(range.contains(119.99))
        XCTAssertTrue(try ValueRange(parsing: "0.6-", parameter: "dance").contains(1e9))
        XCTAssertTrue(try ValueRange(parsing: "-0.3", parameter: "dance").contains(-1e9))
    }
}
