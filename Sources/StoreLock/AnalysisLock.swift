import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One analysis per store at a time: an exclusive flock(2) on a file beside the store.
/// The kernel drops the lock when its holder exits in any way (kill -9 included), so a stale
/// lock cannot exist; the file's content (PID and start time) only serves the refusal message.
public final class AnalysisLock {
    public let path: String
    private let descriptor: Int32

    /// Takes the lock for `storePath`, or throws `AnalysisLockError.held` naming the process that has it.
    public init(storePath: String) throws {
        path = storePath + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AnalysisLockError.cannotOpen(path: path, reason: Self.lastError()) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            let holder = Self.contents(of: descriptor)
            close(descriptor)
            if reason == EWOULDBLOCK { throw AnalysisLockError.held(store: storePath, holder: holder) }
            throw AnalysisLockError.cannotOpen(path: path, reason: String(cString: strerror(reason)))
        }
        let stamp = "pid \(getpid()), started \(Self.timestamp(Date()))\n"
        _ = ftruncate(descriptor, 0)
        _ = stamp.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    deinit {
        close(descriptor)  // releases the lock; the file stays, so no unlink can race a new holder
    }

    private static func contents(of descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        let text = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "pid not yet written" : text
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: date)
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

public enum AnalysisLockError: Error, CustomStringConvertible {
    case held(store: String, holder: String)
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .held(let store, let holder):
            return "another analysis is running on \(store) (\(holder)); wait for it to finish, or stop it"
        case .cannotOpen(let path, let reason):
            return "cannot create the analysis lock \(path): \(reason)"
        }
    }
}
