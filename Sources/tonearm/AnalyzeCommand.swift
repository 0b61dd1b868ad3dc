import Analysis
import ArgumentParser
import Foundation
import Models
import StoreLock
import TrackStore

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze every audio file under a folder into the store.",
        discussion: """
            Unchanged files are skipped, new files analyzed, changed files (size or mtime) re-analyzed, and
            files gone from disk marked missing (removed by `tonearm prune`). Interrupt at any time: every
            finished track is committed, and the next run goes on where this one stopped. When a model is
            missing the other descriptor groups are still computed; the missing group follows on a later run.
            """
    )

    @Argument(help: "The folder to analyze (any nesting).")
    var folder: String

    @OptionGroup var store: StoreOptions

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Worker processes (default: number of cores); with --engine ray, at most this many actors (default: one per cluster CPU).")
    var jobs: Int?

    @Option(help: "Where the analysis runs: local (worker processes here) or ray (an existing Ray cluster, see --ray-address).")
    var engine: EngineName = .local

    @Option(help: "The Ray head's address, HOST:PORT (as printed by `ray start --head`), for --engine ray.")
    var rayAddress: String?

    @Flag(help: "With --engine ray: send each file's bytes through Ray's object store, for nodes that do not mount the collection.")
    var shipAudio = false

    @Option(help: "Seconds one track may take per five minutes of audio (at least this) before its worker is killed and the track recorded as failed.")
    var timeout: Double = 120

    @Flag(help: "Analyze again the files that failed before.")
    var retryFailed = false

    @Flag(help: "Fast mode: the MusiCNN and EffNet patches side by side instead of overlapping by half (half their cost; their rows are marked, and a run without --fast computes them again; see docs/analysis-speed.md).")
    var fast = false

    @Option(help: "Python interpreter of the worker venv (default: $TONEARM_PYTHON, else .venv beside the build).")
    var python: String?

    @Option(help: "Append the workers' stderr (Essentia/TensorFlow logs) to this file.")
    var workerLog: String?

    @Option(help: "Write the run summary with per-stage seconds and worker memory as JSON to this file.")
    var statsJson: String?

    enum EngineName: String, ExpressibleByArgument, CaseIterable {
        case local, ray
    }

    func validate() throws {
        guard (jobs ?? 1) >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if engine == .ray, rayAddress?.contains(":") != true {
            throw ValidationError("--engine ray needs --ray-address HOST:PORT (the head's address)")
        }
        if engine == .local, rayAddress != nil || shipAudio {
            throw ValidationError("--ray-address and --ship-audio need --engine ray")
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() throws {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
            throw UserError("\(folder) is not a folder")
        }
        let lock = try AnalysisLock(storePath: store.absolutePath)  // first, so a refusal is the only line
        defer { withExtendedLifetime(lock) {} }
        let python = try workerPython(python)
        let trackStore = try TrackStore(path: store.absolutePath)
        let locator = modelOptions.locator
        let models = try locator.locateAll()
        if let missing = models.missingMessage(searchPath: locator.searchPath) {
            warn("\(missing) Until then their descriptor groups are skipped; the next analyze fills them in.")
        }
        announceRuntimes(models)
        if fast { print("fast mode: effnet and musicnn rows are stored marked +fast") }
        let localJobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let launch = WorkerLaunch(python: python, models: models, jobs: localJobs, stderrPath: workerLog)
        let options = AnalyzeOptions(target: .folder(root), jobs: localJobs, timeout: timeout, retryFailed: retryFailed,
                                     engine: engineChoice, fast: fast)
        announceInterruption()
        let summary = try CollectionAnalyzer(store: trackStore, launch: launch, options: options).run()
        SummaryPrinter.print(summary)
        if let statsJson {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(summary).write(to: URL(fileURLWithPath: statsJson))
        }
    }

    private var engineChoice: EngineChoice {
        switch engine {
        case .local: return .local
        case .ray: return .ray(RayEngineOptions(address: rayAddress ?? "", maxActors: jobs, shipAudio: shipAudio))
        }
    }

    private func announceRuntimes(_ models: ModelSet) {
        let located = ModelRole.allCases.compactMap { models.models[$0] }
        for model in located {
            if case .damaged = model.conversion { warn(ModelRuntime.line(for: model)) }
        }
        ModelRuntime.summary(of: located).forEach { print($0) }
        fflush(stdout)  // before the progress lines on stderr, also when stdout is a file
    }

    /// Ctrl-C ends the run at once (workers get the same signal); every committed track is kept.
    private func announceInterruption() {
        signal(SIGINT) { _ in
            let message = "\ninterrupted: finished tracks are saved; run analyze again to continue\n"
            _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
            _exit(130)
        }
    }

}

enum SummaryPrinter {
    static func print(_ summary: AnalyzeSummary) {
        Swift.print("found \(summary.found) audio files: \(summary.added) new, \(summary.changed) changed, "
            + "\(summary.vanished) gone (marked missing)")
        Swift.print("analyzed \(summary.analyzed), failed \(summary.failed), up to date \(summary.upToDate), "
            + "skipped as failed before \(summary.skippedFailed) in \(String(format: "%.1f", summary.seconds)) s")
        if summary.changedWhileAnalyzed > 0 {
            Swift.print("changed while analyzed (still being written?): \(summary.changedWhileAnalyzed), "
                + "left pending with nothing stored; the next analyze takes them")
        }
        if !summary.groupsUnavailable.isEmpty {
            Swift.print("not computed (model missing): \(summary.groupsUnavailable.joined(separator: ", "))")
        }
        for (reason, count) in summary.failureReasons.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            Swift.print("  \(count) × \(reason)")
        }
    }
}
