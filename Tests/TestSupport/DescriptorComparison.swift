import Foundation
import TrackStore
import XCTest

/// Every analyzed track of `store` must carry the descriptors its namesake (same file name) has in
/// `reference`: exact where the computation is deterministic, to float32 rounding where TensorFlow
/// may sum in another order with another thread count.
public func assertSameDescriptors(_ store: TrackStore, as reference: TrackStore,
                                  file: StaticString = #filePath, line: UInt = #line) throws {
    let byName = Dictionary(try reference.descriptors().map { (($0.track.path as NSString).lastPathComponent, $0) }) { a, _ in a }
    for item in try store.descriptors() {
        let name = (item.track.path as NSString).lastPathComponent
        let expected = try XCTUnwrap(byName[name], name, file: file, line: line)
        XCTAssertEqual(item.signal?.bpm, expected.signal?.bpm, name, file: file, line: line)
        XCTAssertEqual(item.signal?.key(.edma), expected.signal?.key(.edma), name, file: file, line: line)
        XCTAssertEqual(item.signal?.loudnessLufs, expected.signal?.loudnessLufs, name, file: file, line: line)
        XCTAssertEqual(item.tempoCNN?.bpm, expected.tempoCNN?.bpm, name, file: file, line: line)
        let styleDifference = zip(item.effnet?.styles.values ?? [], expected.effnet?.styles.values ?? [])
            .map { abs($0 - $1) }.max()
        XCTAssertLessThan(styleDifference ?? 1, 1e-5, name, file: file, line: line)
        XCTAssertEqual(item.musicnn?.valence ?? 0, expected.musicnn?.valence ?? 1, accuracy: 1e-5, name, file: file, line: line)
        XCTAssertEqual(item.track.duration, expected.track.duration, name, file: file, line: line)
    }
}
