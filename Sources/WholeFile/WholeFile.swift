import Foundation

/// Whole-buffer file writes of any size. Foundation's `Data.write` on Linux corrupted every byte past
/// 2 GiB (write(2) moves at most 0x7ffff000 bytes a call, and the rest of the buffer was not written
/// where it belonged): the similarity cache's rows of 10^6 EffNet vectors (5.1 GB) read back as other
/// rows from row 419,429 on, and an export's EffNet matrix of as many tracks would have too.
public enum WholeFile {
    /// Replaces `file` with `bytes`: written beside it and renamed, so a reader never sees half a file.
    public static func write(_ bytes: UnsafeRawBufferPointer, to file: URL) throws {
        let temporary = file.path + ".\(getpid()).partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(errno) }
        do {
            try writeAll(bytes, to: descriptor)
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, file.path) == 0 else { throw POSIXError(errno) }
    }

    /// Keeps the first `kept` bytes of `file`, dropping whatever an interrupted append left beyond them, and appends `bytes`.
    public static func append(_ bytes: UnsafeRawBufferPointer, to file: URL, after kept: Int) throws {
        let descriptor = open(file.path, O_WRONLY)
        guard descriptor >= 0 else { throw POSIXError(errno) }
        defer { close(descriptor) }
        guard ftruncate(descriptor, off_t(kept)) == 0, lseek(descriptor, off_t(kept), SEEK_SET) >= 0 else { throw POSIXError(errno) }
        try writeAll(bytes, to: descriptor)
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(errno)
            }
            offset += written
        }
    }
}

extension POSIXError {
    init(_ code: Int32) {
        self.init(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
}
