@testable import Web
import XCTest

final class FormQueryTests: XCTestCase {
    func testFormQueryDecodesLikeABrowserAndEncodesBack() throws {
        let pairs = try FormQuery.decode("style=Drum+n+Bass&key=C%23&loudness=-20--8&empty=&bare")
        XCTAssertEqual(pairs.map(\.name), ["style", "key", "loudness", "empty", "bare"])
        XCTAssertEqual(pairs.map(\.value), ["Drum n Bass", "C#", "-20--8", "", ""])
        XCTAssertEqual(FormQuery.encode([("style", "Drum n Bass"), ("key", "C#"), ("q", "a&b=c+d")]),
                       "style=Drum%20n%20Bass&key=C%23&q=a%26b%3Dc%2Bd")
    }
}
