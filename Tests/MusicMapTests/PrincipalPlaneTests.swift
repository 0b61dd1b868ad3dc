import MusicMap
import XCTest

final class PrincipalPlaneTests: XCTestCase {
    /// Points spread 5 units along one direction and 1 along another, in 6-D around a shifted centre:
    /// the plane's axes are those two directions, in order of spread, and projections recover the spread.
    func testFindsTheTwoDirectionsOfLargestSpread() {
        let wide: [Float] = [0.6, 0.8, 0, 0, 0, 0], narrow: [Float] = [0, 0, 0, 0, 1, 0]
        let centre: [Float] = [1, 2, 3, 4, 5, 6]
        let vectors = (0..<40).map { i -> [Float] in
            let a = Float(i % 10) - 4.5, b = Float(i / 10) - 1.5
            return (0..<6).map { centre[$0] + 5 * a * wide[$0] + b * narrow[$0] }
        }
        let plane = PrincipalPlane(fitting: vectors)
        for (axis, expected) in [(plane.axisX, wide), (plane.axisY, narrow)] {
            let cosine = zip(axis, expected).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            XCTAssertEqual(abs(cosine), 1, accuracy: 1e-4, "\(axis)")
        }
        for (mean, expected) in zip(plane.mean, centre) {
            XCTAssertEqual(mean, expected, accuracy: 1e-4, "the mean of a symmetric grid is its centre")
        }
        let first = plane.project(vectors[0]), last = plane.project(vectors[39])
        XCTAssertEqual(abs(last.x - first.x), 45, accuracy: 1e-3)
        XCTAssertEqual(abs(last.y - first.y), 3, accuracy: 1e-3)
    }

    func testIsDeterministicAndStandsDataOnALine() {
        let vectors = (0..<10).map { i in [Float(i), Float(2 * i), 1] }
        let plane = PrincipalPlane(fitting: vectors)
        XCTAssertEqual(plane, PrincipalPlane(fitting: vectors))
        let along = plane.project([9, 18, 1]).x - plane.project([0, 0, 1]).x
        XCTAssertEqual(abs(along), (81.0 + 324).squareRoot(), accuracy: 1e-3)
        XCTAssertEqual(zip(plane.axisX, plane.axisY).reduce(Float(0)) { $0 + $1.0 * $1.1 }, 0, accuracy: 1e-5)
    }
}
