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
        guard hello.protocolVersion == WorkerProtocol.version, hello.signalVersion == WorkerProtocol.signalVersion,
              hello.evidenceVersion == WorkerProtocol.evidenceVersion else {
            throw WorkerFailure.cannotSpawn("worker speaks protocol \(hello.protocolVersion ?? -1) / signal version "
                + "\(hello.signalVersion ?? -1) / evidence version \(hello.evidenceVersion ?? -1), expected "
                + "\(WorkerProtocol.version) / \(WorkerProtocol.signalVersion) / \(WorkerProtocol.evidenceVersion); run scripts/setup")
        }
        self.hello = hello
    }

    /// One request, then its reply: how a local worker (capacity 1) is driven.
    func analyze(_ job: AnalysisJob, timeout: Double) throws -> WorkerReply {
        let id = try send(job)
        guard case .reply(let reply) = try nextMessage(timeout: timeout), reply.id == id else {
            throw WorkerFailure.badMessage("a reply to another request than \(id)")
        }
        return reply
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
        case notice(WorkerNotice)
    }

    func nextMessage(timeout: Double?) throws -> Message {
        let line = try process.readLine(timeout: timeout)
        if let reply = try? JSONDecoder().decode(WorkerReply.self, from: line) { return .reply(reply) }
        if let notice = try? JSONDecoder().decode(WorkerNotice.self, from: line) { return .notice(notice) }
        throw WorkerFailure.badMessage(String(decoding: line, as: UTF8.self))
    }
}
