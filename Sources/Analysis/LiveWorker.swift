import Foundation

/// A started worker that said hello: models loaded, protocol versions checked.
final class LiveWorker {
    let process: WorkerProcess
    let hello: WorkerHello
    private var nextRequestId = 0

    /// Model loading can take long on a cold disk; analysis replies get the per-track timeout.
    private static let startupTimeout = 600.0

    init(_ launch: WorkerLaunch) throws {
        process = try WorkerProcess(executable: launch.python, arguments: launch.arguments, stderrPath: launch.stderrPath)
        let line: Data
        do {
            line = try process.readLine(timeout: Self.startupTimeout)
        } catch {
            throw WorkerFailure.cannotSpawn("\(error) before it was ready (is the venv set up? run scripts/setup)")
        }
        guard let hello = try? JSONDecoder().decode(WorkerHello.self, from: line) else {
            throw WorkerFailure.badMessage(String(decoding: line, as: UTF8.self))
        }
        if hello.type == "fatal" { throw WorkerFailure.cannotSpawn(hello.error ?? "unknown error") }
        if let mismatch = hello.versionMismatch { throw WorkerFailure.cannotSpawn(mismatch) }
        guard (hello.fast ?? false) == launch.fast else {
            throw WorkerFailure.cannotSpawn("worker did not start in the \(launch.fast ? "fast" : "default") mode; run scripts/setup")
        }
        self.hello = hello
    }

    /// One request, then its reply: how a local worker (capacity 1) is driven. `timeout` is the base of
    /// the limit: the reply must come within `TrackTimeout.limit` of the track's duration, which the
    /// worker's `started` line gives (the base alone until it does).
    func analyze(_ job: AnalysisJob, timeout: Double) throws -> WorkerReply {
        let id = try send(job)
        let sent = Date()
        var limit = timeout
        while true {
            let message: Message
            do {
                message = try nextMessage(timeout: max(0, limit - Date().timeIntervalSince(sent)))
            } catch WorkerFailure.timedOut {
                throw WorkerFailure.timedOut(seconds: limit)
            }
            switch message {
            case .started(let started) where started.id == id:
                limit = TrackTimeout.limit(base: timeout, duration: started.duration)
            case .reply(let reply) where reply.id == id:
                return reply
            default:
                throw WorkerFailure.badMessage("a message about another request than \(id)")
            }
        }
    }

    /// Sends the job as a new request; returns its id.
    func send(_ job: AnalysisJob) throws -> Int {
        nextRequestId += 1
        let request = WorkerRequest(id: nextRequestId, path: job.path, groups: job.groups.map(\.rawValue))
        try process.send(JSONEncoder().encode(request))
        return nextRequestId
    }

    enum Message {
        case reply(WorkerReply)
        /// The worker began a request and read the track's duration from its header.
        case started(WorkerStarted)
        case notice(WorkerNotice)
    }

    func nextMessage(timeout: Double?) throws -> Message {
        let line = try process.readLine(timeout: timeout)
        if let reply = try? JSONDecoder().decode(WorkerReply.self, from: line) { return .reply(reply) }
        if let started = try? JSONDecoder().decode(WorkerStarted.self, from: line), started.type == "started" {
            return .started(started)
        }
        if let notice = try? JSONDecoder().decode(WorkerNotice.self, from: line) { return .notice(notice) }
        throw WorkerFailure.badMessage(String(decoding: line, as: UTF8.self))
    }
}
