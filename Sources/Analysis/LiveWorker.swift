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
        guard hello.protocolVersion == WorkerProtocol.version, hello.signalVersion == WorkerProtocol.signalVersion else {
            throw WorkerFailure.cannotSpawn("worker speaks protocol \(hello.protocolVersion ?? -1) / signal version "
                + "\(hello.signalVersion ?? -1), expected \(WorkerProtocol.version) / \(WorkerProtocol.signalVersion); run scripts/setup")
        }
        self.hello = hello
    }

    /// `timeout` is the base of the limit: the reply must come within `TrackTimeout.limit` of the track's
    /// duration, which the worker's `started` line gives (the base alone until it does).
    func analyze(_ job: AnalysisJob, timeout: Double) throws -> WorkerReply {
        nextRequestId += 1
        let request = WorkerRequest(id: nextRequestId, path: job.path, groups: job.groups.map(\.rawValue))
        let sent = Date()
        try process.send(JSONEncoder().encode(request))
        var limit = timeout
        while true {
            let line: Data
            do {
                line = try process.readLine(timeout: max(0, limit - Date().timeIntervalSince(sent)))
            } catch WorkerFailure.timedOut {
                throw WorkerFailure.timedOut(seconds: limit)
            }
            if let started = try? JSONDecoder().decode(WorkerStarted.self, from: line), started.type == "started",
               started.id == nextRequestId {
                limit = TrackTimeout.limit(base: timeout, duration: started.duration)
                continue
            }
            guard let reply = try? JSONDecoder().decode(WorkerReply.self, from: line), reply.id == nextRequestId else {
                throw WorkerFailure.badMessage(String(decoding: line, as: UTF8.self))
            }
            return reply
        }
    }
}
