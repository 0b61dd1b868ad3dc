import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum RayEngineFailure: Error, CustomStringConvertible {
    case driverLost(String)

    var description: String {
        switch self {
        case .driverLost(let how):
            return "the Ray driver stopped (\(how)); finished tracks are saved, run analyze again to continue"
        }
    }
}

/// Runs jobs on a Ray cluster through one driver process (`python -m tonearm_worker.ray_driver`), kept
/// `capacity` requests ahead (its hello says how many), replies matched by id in whatever order they come.
/// The driver retries a track whose actor died and enforces the per-track timeout; a driver that dies
/// or falls silent ends the run like a worker pool that cannot start: with an error, after every
/// reply received so far has been stored.
final class RayEngine: AnalysisEngine {
    private let launch: WorkerLaunch
    private let timeout: Double
    private(set) var stats = WorkerStats()

    init(launch: WorkerLaunch, ray: RayEngineOptions, timeout: Double) {
        var driver = launch
        driver.module = "tonearm_worker.ray_driver"
        driver.threads = 1
        driver.extraArguments = ["--address", ray.address, "--timeout", String(timeout)]
            + (ray.maxActors.map { ["--jobs", String($0)] } ?? [])
            + (ray.shipAudio ? ["--ship-audio"] : [])
        self.launch = driver
        self.timeout = timeout
    }

    /// A track may take the timeout, fail on a dying actor, then take it again on a fresh one
    /// whose models load first: silence longer than that means the driver hangs.
    private var silenceLimit: Double { 2 * timeout + 600 }

    func run(_ jobs: [AnalysisJob], onOutcome: @escaping (AnalysisJob, JobOutcome) throws -> Void) throws {
        guard !jobs.isEmpty else { return }
        signal(SIGPIPE, SIG_IGN)
        let driver = try LiveWorker(launch)
        stats.workersStarted = driver.hello.actors ?? 1
        stats.modelLoadSeconds = driver.hello.actorLoadSeconds ?? []
        let window = max(1, driver.hello.capacity ?? 1)
        var waiting = jobs[...]
        var inFlight: [Int: AnalysisJob] = [:]
        do {
            while !waiting.isEmpty || !inFlight.isEmpty {
                while inFlight.count < window, let job = waiting.popFirst() {
                    let id = try driver.send(job)
                    inFlight[id] = job
                }
                switch try driver.nextMessage(timeout: silenceLimit) {
                case .reply(let reply):
                    // A reply whose request was already answered is a duplicate: at-least-once delivery.
                    guard let job = inFlight.removeValue(forKey: reply.id) else { continue }
                    record(reply)
                    do { try onOutcome(job, .replied(reply)) } catch { driver.process.terminate(); throw error }
                case .notice(let notice) where notice.type == "fatal":
                    driver.process.terminate()
                    throw RayEngineFailure.driverLost(notice.error ?? "unknown error")
                case .notice, .started:
                    continue
                }
            }
            finish(driver)
        } catch let failure as WorkerFailure {
            driver.process.terminate()
            if case .exited(let how) = failure { throw RayEngineFailure.driverLost(how) }
            throw RayEngineFailure.driverLost("\(failure)")
        }
    }

    /// End of input; the driver answers with its actors' memory, then exits. Every track is stored
    /// by now, so a driver that dies here costs only these figures.
    private func finish(_ driver: LiveWorker) {
        if let peak = driver.process.peakResidentBytes() { stats.peakResidentBytes.append(peak) }
        driver.process.closeInput()
        while case .notice(let notice)? = try? driver.nextMessage(timeout: 60) {
            guard notice.type == "stats" else { continue }
            stats.workersStarted = notice.actorsStarted ?? stats.workersStarted
            stats.peakResidentBytes += notice.peakResidentBytes ?? []
            break
        }
        driver.process.terminate()
    }

    private func record(_ reply: WorkerReply) {
        stats.requests += 1
        for (stage, seconds) in reply.timings ?? [:] { stats.stageSeconds[stage, default: 0] += seconds }
    }
}
