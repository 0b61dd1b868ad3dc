import Foundation

/// What runs the analysis jobs. CollectionAnalyzer sees only this: local worker processes
/// (WorkerPool) and a Ray cluster behind one driver process (RayEngine) look the same to it.
protocol AnalysisEngine: AnyObject {
    /// Blocks until every job has an outcome; `onOutcome` may be called from any thread, never twice per job.
    /// An error thrown by `onOutcome` (the store cannot be written) stops the run and is rethrown.
    func run(_ jobs: [AnalysisJob], onOutcome: @escaping (AnalysisJob, JobOutcome) throws -> Void) throws
    var stats: WorkerStats { get }
}

/// Which engine `tonearm analyze` runs on.
public enum EngineChoice: Sendable {
    /// `--jobs` worker processes on this machine.
    case local
    /// Actors on an existing Ray cluster, through one driver process.
    case ray(RayEngineOptions)

    func make(launch: WorkerLaunch, options: AnalyzeOptions) -> AnalysisEngine {
        switch self {
        case .local: return WorkerPool(launch: launch, workers: options.jobs, timeout: options.timeout)
        case .ray(let ray): return RayEngine(launch: launch, ray: ray, timeout: options.timeout)
        }
    }
}

public struct RayEngineOptions: Sendable {
    /// The head's GCS address, HOST:PORT.
    public var address: String
    /// At most this many actors; nil: one per CPU of the cluster.
    public var maxActors: Int?
    /// Send each file's bytes through Ray's object store, for nodes without the collection's mount.
    public var shipAudio: Bool

    public init(address: String, maxActors: Int?, shipAudio: Bool) {
        self.address = address
        self.maxActors = maxActors
        self.shipAudio = shipAudio
    }
}
