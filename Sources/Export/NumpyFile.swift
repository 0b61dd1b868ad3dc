import Foundation

/// A 2-d float32 array in NumPy's `.npy` format, version 1.0, which `numpy.load` reads as is:
/// the magic string, a little-endian header length, a Python-literal header dict padded with spaces
/// to a multiple of 64 bytes and ending in a newline, then the values row after row (C order).
public enum NumpyFile {
    public static func data(rows: [[Float]], columns: Int) -> Data {
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows.count), \(columns)), }"
        let prefixLength = 10  // magic (6) + version (2) + header length (2)
        let padding = (64 - (prefixLength + header.utf8.count + 1) % 64) % 64
        header += String(repeating: " ", count: padding) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        data.reserveCapacity(data.count + rows.count * columns * 4)
        for row in rows {
            for value in row {
                let bits = value.bitPattern.littleEndian
                withUnsafeBytes(of: bits) { data.append(contentsOf: $0) }
            }
        }
        return data
    }
}
