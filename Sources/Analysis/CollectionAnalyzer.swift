import CollectionScan
import Foundation
import Models
import TrackStore

/// What to analyze: a whole folder (files gone from it are marked missing), or exactly some files.
public enum AnalysisTarget: Sendable {
    case folder(String)
    case files([String])
}

public struct AnalyzeOptions: Sendable {
    public var target: AnalysisTarget
    public var jobs: Int
    public var timeout: Double
    public var retryFailed: Bool
    public var engine: EngineChoice
    /// `--fast`: see AnalysisMode.
    public var fast: Bool

    public init(target: AnalysisTarget, jobs: Int, timeout: Double, retryFailed: Bool, engine: EngineChoice = .local,
                fast: Bool = false) {
        self.target = target
        self.jobs = jobs
        self.timeout = timeout
        self.retryFailed = retryFailed
        self.engine = engine
        self.fast = fast
    }
}

public struct AnalyzeSummary: Sendable, Codable {
    public var found = 0
    public var added = 0
    public var changed = 0
    public var vanished = 0
    public var upToDate = 0
    public var skippedFailed = 0
    public var analyzed = 0
    public var failed = 0
    /// Groups that could not run because a model is missing.
    public var groupsUnavailable: [String] = []
    public var failureReasons: [String: Int] = [:]
    /// Files that kept changing while they were analyzed (still being copied?): left pending, nothing stored.
    public var changedWhileAnalyzed = 0
    public var seconds = 0.0
    public var workers = WorkerStats()
}

/// One `tonearm analyze` run: scan the folder, bring the store in line with the disk, and
/// compute every group a track lacks, one transaction per finished track.
public final class CollectionAnalyzer {
    private let store: TrackStore
    private let launch: WorkerLaunch
    private let options: AnalyzeOptions

    public init(store: TrackStore, launch: WorkerLaunch, options: AnalyzeOptions) {
        self.store = store
        self.launch = launch
        self.options = options
    }

    /// A file still changing after this many fresh attempts is left pending for the next run.
    static let changedFileAttempts = 3

    public func run() throws -> AnalyzeSummary {
        do {
            return try analyze()
        } catch {
            throw StoreError.diskFullOrSame(error, path: store.path)
        }
    }

    private func analyze() throws -> AnalyzeSummary {
        let started = Date()
        var summary = AnalyzeSummary()
        let scan = try sync()
        let files = scan.files
        (summary.found, summary.added, summary.changed, summary.vanished) =
            (files.count, scan.added, scan.changed, scan.vanished)

        let standard = currentProvenance()
        let provenance = AnalysisMode.written(standard, fast: options.fast)
        summary.groupsUnavailable = AnalysisGroup.allCases.filter { provenance[$0] == nil }.map(\.rawValue)
        if let labels = try launch.models.styleLabels(), try store.styleLabels() != labels {
            try store.saveStyleLabels(labels)
        }
        let plan = AnalysisPlan(files: files, stored: try store.storedFiles(), storedGroups: try store.storedGroups(),
                                current: AnalysisMode.current(standard, fast: options.fast), retryFailed: options.retryFailed)
        try store.markAnalyzed(plan.completeButPending)
        summary.upToDate = plan.upToDate + plan.completeButPending.count
        summary.skippedFailed = plan.skippedFailed

        let progress = Progress(total: plan.jobs.count)
        var launch = self.launch
        launch.fast = options.fast
        let engine = options.engine.make(launch: launch, options: options)
        let tally = NSLock()
        defer { progress.finish() }
        var jobs = plan.jobs
        for attempt in 1...Self.changedFileAttempts where !jobs.isEmpty {
            var changed: [(job: AnalysisJob, now: FoundFile)] = []
            try engine.run(jobs) { [store] job, outcome in
                if let now = Self.changedSince(job) {
                    tally.withLock { changed.append((job, now)) }
                    return
                }
                let failure = try Self.store(outcome, of: job, in: store, provenance: provenance)
                tally.withLock {
                    if let failure {
                        summary.failed += 1
                        summary.failureReasons[failure, default: 0] += 1
                    } else {
                        summary.analyzed += 1
                    }
                }
                progress.advance(failed: failure != nil)
            }
            // The old descriptors and the size/mtime on record describe bytes that are gone.
            try store.applyScan(added: [], changed: changed.map { ($0.job.trackId, $0.now) }, reappeared: [], vanished: [])
            jobs = changed.map { AnalysisJob(trackId: $0.job.trackId, file: $0.now, groups: provenance.keys.sorted()) }
            if attempt == Self.changedFileAttempts { summary.changedWhileAnalyzed = jobs.count }
        }
        summary.workers = engine.stats
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// The file as it is now, if it differs (size or mtime) from what the job was planned on: the worker
    /// may have read part of a file still being written, so its result must not be stored against it.
    private static func changedSince(_ job: AnalysisJob) -> FoundFile? {
        guard let now = try? AudioFileFinder().file(at: job.path) else { return nil }  // gone: the next scan marks it missing
        return now.size != job.size || now.mtime != job.mtime ? now : nil
    }

    private func sync() throws -> ScanSummary {
        switch options.target {
        case .folder(let root): return try store.sync(root: root)
        case .files(let paths): return try store.sync(paths: paths)
        }
    }

    private func currentProvenance() -> [AnalysisGroup: String] {
        var provenance: [AnalysisGroup: String] = [:]
        for group in AnalysisGroup.allCases {
            provenance[group] = launch.models.provenance(of: group, signalVersion: WorkerProtocol.signalVersion,
                                                        evidenceVersion: WorkerProtocol.evidenceVersion)
        }
        return provenance
    }

    /// Saves one outcome; returns the failure reason ("stage: message"), nil on success.
    /// A full disk is rethrown: it stops the run, nothing after it could be saved.
    private static func store(_ outcome: JobOutcome, of job: AnalysisJob, in store: TrackStore,
                              provenance: [AnalysisGroup: String]) throws -> String? {
        do {
            switch outcome {
            case .replied(let reply) where reply.ok:
                let analysis = reply.trackAnalysis(trackId: job.trackId, provenance: provenance)
                try store.save(analysis)
                return analysis.groupErrors.min(by: { $0.key < $1.key }).map { "\($0.key.rawValue): \($0.value)" }
            case .replied(let reply):
                let stage = reply.stage ?? "worker", message = reply.error ?? "unknown error"
                try store.recordFailure(trackId: job.trackId, stage: stage, message: message)
                return "\(stage): \(message)"
            case .failed(let stage, let message):
                try store.recordFailure(trackId: job.trackId, stage: stage, message: message)
                return "\(stage): \(message)"
            }
        } catch {
            if case StoreError.diskFull = StoreError.diskFullOrSame(error, path: store.path) { throw error }
            return "store: \(error)"
        }
    }
}
