import Foundation
import GRDB

/// A float32 vector stored as a little-endian BLOB: 4 bytes per value, no framing.
public struct FloatVector: Codable, Sendable, Equatable, DatabaseValueConvertible {
    public var values: [Float]

    public init(_ values: [Float]) {
        self.values = values
    }

    public var databaseValue: DatabaseValue {
        let data = values.withUnsafeBufferPointer { buffer in
            Data(buffer: UnsafeBufferPointer(start: buffer.baseAddress, count: buffer.count))
        }
        return data.databaseValue
    }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> FloatVector? {
        guard let data = Data.fromDatabaseValue(dbValue), data.count % 4 == 0 else { return nil }
        let values = data.withUnsafeBytes { raw in
            (0..<data.count / 4).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
        return FloatVector(values)
    }

    /// Appends the floats of a stored BLOB to `values` in one copy (the bulk read path); false for a
    /// BLOB that is not whole floats.
    static func append(_ data: Data, to values: inout [Float]) -> Bool {
        guard data.count % 4 == 0 else { return false }
        guard !data.isEmpty else { return true }
        #if _endian(little)
        let start = values.count
        values.append(contentsOf: repeatElement(0, count: data.count / 4))
        values.withUnsafeMutableBytes { target in
            data.withUnsafeBytes { source in
                target.baseAddress!.advanced(by: start * 4).copyMemory(from: source.baseAddress!, byteCount: source.count)
            }
        }
        #else
        values += fromDatabaseValue(data.databaseValue)!.values
        #endif
        return true
    }

    public init(from decoder: Decoder) throws {
        values = try decoder.singleValueContainer().decode([Float].self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}
