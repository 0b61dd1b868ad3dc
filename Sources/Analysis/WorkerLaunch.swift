import Foundation
import Models

/// How to start a worker: the interpreter, the models it loads, its thread budget.
public struct WorkerLaunch: Sendable {
    public var python: String
    public var models: ModelSet
    /// TensorFlow intra-op threads per worker: cores / jobs, so workers don't fight over cores.
    public var threads: Int
    /// Where workers' stderr goes (Essentia and TensorFlow chatter, tracebacks); nil discards it.
    public var stderrPath: String?

    /// A launch for `jobs` workers sharing this machine's cores.
    public init(python: String, models: ModelSet, jobs: Int, stderrPath: String?) {
        self.python = python
        self.models = models
        threads = max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, jobs))
        self.stderrPath = stderrPath
    }

    var arguments: [String] {
        ["-m", "tonearm_worker", "--threads", String(threads)]
            + ModelRole.allCases.compactMap { role in models.models[role].map { "--model=\(role.rawValue)=\($0.graph.path)" } }
    }

    /// `TONEARM_PYTHON`, else the `.venv` that `scripts/setup` made beside the package the
    /// running binary was built in (the binary lives in `<repo>/.build/<config>/`).
    public static func defaultPython(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let python = environment["TONEARM_PYTHON"] { return python }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent(".venv/bin/python")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        return nil
    }
}
