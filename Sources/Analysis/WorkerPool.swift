import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum JobOutcome {
    case replied(WorkerReply)
    case failed(stage: String, message: String)
}

/// What the pool saw of its workers, for the run summary and the benchmark.
public struct WorkerStats: Sendable, Codable {
    public var requests = 0
    public var workersStarted = 0
    public var modelLoadSeconds: [Double] = []
    public var peakResidentBytes: [Int] = []
    public var stageSeconds: [String: Double] = [:]
}

/// Runs jobs on N worker processes, one driving thread each. A worker that crashes is replaced
/// and its file retried once; one that passes the timeout is killed and its file recorded failed.
/// A worker that cannot start at all stops the run: nothing would succeed after it.
final class WorkerPool: AnalysisEngine {
    private let launch: WorkerLaunch
    private let workerCount: Int
    private let timeout: Double
    private let lock = NSLock()
    private var queue: [AnalysisJob] = []
    private var fatal: Error?
    private(set) var stats = WorkerStats()

    init(launch: WorkerLaunch, workers: Int, timeout: Double) {
        self.launch = launch
        self.workerCount = max(1, workers)
        self.timeout = timeout
    }

    /// Blocks until every job has an outcome; `onOutcome` is called from the driving threads.
    /// An error thrown by `onOutcome` stops the run (no new job starts) and is rethrown here.
    func run(_ jobs: [AnalysisJob], onOutcome: @escaping (AnalysisJob, JobOutcome) throws -> Void) throws {
        signal(SIGPIPE, SIG_IGN)  // a worker dying mid-request must be an error here, not our death
        queue = jobs.reversed()
        let done = DispatchGroup()
        for _ in 0..<min(workerCount, jobs.count) {
            done.enter()
            let thread = Thread { [self] in
                drive(onOutcome: onOutcome)
                done.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        done.wait()
        if let fatal { throw fatal }
    }

    private func nextJob() -> AnalysisJob? {
        lock.withLock { fatal == nil ? queue.popLast() : nil }
    }

    private func drive(onOutcome deliver: (AnalysisJob, JobOutcome) throws -> Void) {
        func onOutcome(_ job: AnalysisJob, _ outcome: JobOutcome) {
            do { try deliver(job, outcome) } catch { lock.withLock { fatal = fatal ?? error } }
        }
        var worker: LiveWorker?
        defer { worker.map(retire) }
        while let job = nextJob() {
            var crashes = 0
            while true {
                do {
                    if worker == nil { worker = try start() }
                    let reply = try worker!.analyze(job, timeout: timeout)
                    record(reply)
                    onOutcome(job, .replied(reply))
                    break
                } catch WorkerFailure.cannotSpawn(let reason) {
                    lock.withLock { fatal = fatal ?? WorkerFailure.cannotSpawn(reason) }
                    return
                } catch let failure as WorkerFailure {
                    worker?.process.terminate()
                    worker = nil
                    if case .exited = failure, crashes == 0 {
                        crashes += 1
                        continue
                    }
                    onOutcome(job, .failed(stage: "worker", message: "\(failure)"))
                    break
                } catch {
                    onOutcome(job, .failed(stage: "worker", message: "\(error)"))
                    break
                }
            }
        }
    }

    private func start() throws -> LiveWorker {
        let worker = try LiveWorker(launch)
        lock.withLock {
            stats.workersStarted += 1
            stats.modelLoadSeconds.append(worker.hello.loadSeconds ?? 0)
        }
        return worker
    }

    private func record(_ reply: WorkerReply) {
        lock.withLock {
            stats.requests += 1
            for (stage, seconds) in reply.timings ?? [:] { stats.stageSeconds[stage, default: 0] += seconds }
        }
    }

    private func retire(_ worker: LiveWorker) {
        let peak = worker.process.peakResidentBytes()
        lock.withLock { if let peak { stats.peakResidentBytes.append(peak) } }
        worker.process.terminate()
    }
}
