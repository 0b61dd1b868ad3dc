import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum WorkerFailure: Error, CustomStringConvertible {
    case cannotSpawn(String)
    case timedOut(seconds: Double)
    case exited(String)
    case badMessage(String)

    var description: String {
        switch self {
        case .cannotSpawn(let reason): return "cannot start the analysis worker: \(reason)"
        case .timedOut(let seconds): return "timed out after \(String(format: "%g", seconds)) s; worker killed"
        case .exited(let how): return "worker \(how)"
        case .badMessage(let text): return "unreadable worker reply: \(text.prefix(200))"
        }
    }
}

/// One Python worker process and its two pipes, spoken to one line at a time.
/// Blocking I/O on purpose: each worker is driven by its own thread.
final class WorkerProcess {
    let pid: pid_t
    private var toWorker: Int32
    private let fromWorker: Int32
    private var pending: [UInt8] = []
    private var exitStatus: String?

    /// Pipes and spawn are serialized so no child inherits another worker's pipe ends.
    private static let spawnLock = NSLock()

    init(executable: String, arguments: [String], stderrPath: String?) throws {
        var requestPipe: [Int32] = [0, 0], replyPipe: [Int32] = [0, 0]
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        guard pipe(&requestPipe) == 0, pipe(&replyPipe) == 0 else {
            throw WorkerFailure.cannotSpawn(String(cString: strerror(errno)))
        }
        for fd in requestPipe + replyPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let errorFd = open(stderrPath ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        defer { close(errorFd); close(requestPipe[0]); close(replyPipe[1]) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, requestPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, replyPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorFd, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, nil, argv, environ)
        guard result == 0 else {
            close(requestPipe[1]); close(replyPipe[0])
            throw WorkerFailure.cannotSpawn("\(executable): \(String(cString: strerror(result)))")
        }
        pid = child
        toWorker = requestPipe[1]
        fromWorker = replyPipe[0]
    }

    deinit {
        terminate()
        closeInput()
        close(fromWorker)
    }

    func send(_ line: Data) throws {
        var data = line
        data.append(0x0A)
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(toWorker, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WorkerFailure.exited(exitDescription())
                }
                offset += written
            }
        }
    }

    /// End of input: the worker finishes what it holds, then exits.
    func closeInput() {
        guard toWorker >= 0 else { return }
        close(toWorker)
        toWorker = -1
    }

    /// The next line, waiting at most `timeout` seconds (nil: forever).
    func readLine(timeout: Double?) throws -> Data {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = Data(pending[..<newline])
                pending.removeSubrange(...newline)
                return line
            }
            var descriptor = pollfd(fd: fromWorker, events: Int16(POLLIN), revents: 0)
            let waitMs = deadline.map { Int32(max(0, $0.timeIntervalSinceNow * 1000)) } ?? -1
            let ready = poll(&descriptor, 1, waitMs)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { throw WorkerFailure.timedOut(seconds: timeout ?? 0) }
            let count = read(fromWorker, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { throw WorkerFailure.exited(exitDescription()) }
            pending.append(contentsOf: chunk[..<count])
        }
    }

    /// Kills the worker (if still running) and reaps it.
    func terminate() {
        guard exitStatus == nil else { return }
        kill(pid, SIGKILL)
        _ = exitDescription()
    }

    /// Peak resident memory so far (VmHWM), in bytes; nil once the worker is gone.
    func peakResidentBytes() -> Int? {
        guard exitStatus == nil, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) else { return nil }
        return kilobytes * 1024
    }

    private func exitDescription() -> String {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        let description = signal != 0 ? "killed by signal \(signal)" : "exited with status \((status >> 8) & 0xff)"
        exitStatus = description
        return description
    }
}
