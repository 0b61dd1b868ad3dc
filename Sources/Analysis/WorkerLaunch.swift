import Foundation
import Models

/// How to start a worker: the interpreter, the models it loads (on ONNX Runtime where a verified
/// conversion exists), its thread budget.
public struct WorkerLaunch: Sendable {
    public var python: String
    public var models: ModelSet
    /// Model runtime threads per worker (TensorFlow and ONNX Runtime): cores / jobs, so workers don't fight over cores.
    public var threads: Int
    /// Where workers' stderr goes (Essentia and TensorFlow chatter, tracebacks); nil discards it.
    public var stderrPath: String?
    /// `tonearm analyze --fast`: the workers run the fast mode (see AnalysisMode).
    public var fast = false
    /// The worker package's entry point: the local worker, or the Ray driver.
    var module = "tonearm_worker"
    var extraArguments: [String] = []

    /// A launch for `jobs` workers sharing this machine's cores.
    public init(python: String, models: ModelSet, jobs: Int, stderrPath: String?) {
        self.python = python
        self.models = models
        threads = max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, jobs))
        self.stderrPath = stderrPath
    }

    var arguments: [String] {
        ["-m", module, "--threads", String(threads)] + (fast ? ["--fast"] : []) + extraArguments
            + ModelRole.allCases.compactMap { role in models.models[role].map { "--model=\(role.rawValue)=\($0.graph.path)" } }
            + ModelRole.allCases.compactMap { role in models.models[role]?.conversion?.onnx.map { "--onnx=\(role.rawValue)=\($0.path)" } }
    }
}
