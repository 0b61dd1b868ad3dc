import Foundation

/// Unit vectors packed as rows of `lanesPerRow` `SIMD8<Float>` (zero-padded), either owned or
/// memory-mapped from a cache file: a mapped file costs resident memory only for the rows a query
/// touches, which is what keeps 1M × 1280-d full vectors (5 GB) out of RAM while HNSW answers.
final class VectorRows: @unchecked Sendable {
    let base: UnsafePointer<SIMD8<Float>>
    let count: Int
    let lanesPerRow: Int
    private let release: () -> Void

    private init(base: UnsafePointer<SIMD8<Float>>, count: Int, lanesPerRow: Int, release: @escaping () -> Void) {
        self.base = base
        self.count = count
        self.lanesPerRow = lanesPerRow
        self.release = release
    }

    deinit { release() }

    static func owned(_ lanes: [SIMD8<Float>], lanesPerRow: Int) -> VectorRows {
        let buffer = UnsafeMutablePointer<SIMD8<Float>>.allocate(capacity: max(lanes.count, 1))
        _ = UnsafeMutableBufferPointer(start: buffer, count: lanes.count).initialize(from: lanes)
        return adopting(buffer, count: lanesPerRow == 0 ? 0 : lanes.count / lanesPerRow, lanesPerRow: lanesPerRow)
    }

    /// Takes over `buffer` (from `UnsafeMutablePointer.allocate`), whose first `count` rows are set.
    static func adopting(_ buffer: UnsafeMutablePointer<SIMD8<Float>>, count: Int, lanesPerRow: Int) -> VectorRows {
        VectorRows(base: buffer, count: count, lanesPerRow: lanesPerRow, release: { buffer.deallocate() })
    }

    /// The first `count` rows of the file at `path`; nil when it is shorter or cannot be mapped.
    static func mapped(path: String, count: Int, lanesPerRow: Int) -> VectorRows? {
        let bytes = count * lanesPerRow * MemoryLayout<SIMD8<Float>>.stride
        guard bytes > 0 else { return owned([], lanesPerRow: lanesPerRow) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) >= bytes,
              let address = mmap(nil, bytes, PROT_READ, MAP_SHARED, descriptor, 0),
              address != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        return VectorRows(base: UnsafePointer(address.assumingMemoryBound(to: SIMD8<Float>.self)), count: count,
                          lanesPerRow: lanesPerRow, release: { munmap(address, bytes) })
    }

    var buffer: UnsafeBufferPointer<SIMD8<Float>> { UnsafeBufferPointer(start: base, count: count * lanesPerRow) }

    /// Row `row` as plain floats (`lanesPerRow * 8` of them).
    func floats(of row: Int) -> UnsafeBufferPointer<Float> {
        UnsafeBufferPointer(start: UnsafeRawPointer(base + row * lanesPerRow).assumingMemoryBound(to: Float.self),
                            count: lanesPerRow * 8)
    }
}
