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

    public init(from decoder: Decoder) throws {
        values = try decoder.singleValueContainer().decode([Float].self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}
