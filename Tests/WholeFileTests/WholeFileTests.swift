import Foundation
import TestSupport
import WholeFile
import XCTest

/// The index cache's rows of a million EffNet vectors are 5.1 GB: every byte must land where it belongs
/// past the 2 GiB one write(2) call moves (where Foundation's `Data.write` went wrong on Linux).
final class WholeFileTests: TemporaryDirectoryTestCase {
    func testBytesPastTwoGibibytesAreWrittenWhereTheyBelong() throws {
        let count = (1 << 31) + 3 * 4096
        // calloc'd: the zero pages cost no memory until written, only the marked ones are.
        let buffer = try XCTUnwrap(calloc(count, 1))
        defer { free(buffer) }
        let marks = [0, (1 << 31) - 4097, (1 << 31) - 4096, 1 << 31, count - 1]
        for (number, offset) in marks.enumerated() { buffer.storeBytes(of: UInt8(number + 1), toByteOffset: offset, as: UInt8.self) }
        let file = directory.appendingPathComponent("rows")
        try WholeFile.write(UnsafeRawBufferPointer(start: buffer, count: count), to: file)

        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        XCTAssertEqual(try handle.seekToEnd(), UInt64(count))
        for (number, offset) in marks.enumerated() {
            try handle.seek(toOffset: UInt64(offset))
            XCTAssertEqual(try handle.read(upToCount: 1), Data([UInt8(number + 1)]), "byte \(offset)")
        }
        try handle.seek(toOffset: UInt64(1 << 31) + 1)
        XCTAssertEqual(try handle.read(upToCount: 8), Data(count: 8), "the zeros after a mark stay zeros")
    }

    func testAnAppendReplacesWhatAnInterruptedOneLeft() throws {
        let file = directory.appendingPathComponent("ids")
        try Data([1, 2, 3, 4]).withUnsafeBytes { try WholeFile.write($0, to: file) }
        try Data([9]).withUnsafeBytes { try WholeFile.append($0, to: file, after: 2) }
        XCTAssertEqual(try Data(contentsOf: file), Data([1, 2, 9]))
    }
}
