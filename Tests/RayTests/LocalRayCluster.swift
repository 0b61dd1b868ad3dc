import Foundation
import TestSupport
import XCTest

/// A Ray cluster on this machine (a head with no CPU, so actors run on the worker nodes, and
/// `workers` nodes of one CPU each), inside a network namespace of its own with only loopback up:
/// Ray advertises the machine's routable address, so nothing it starts may share the host's network.
/// `local_ray_cluster.py` starts and stops it; every process it kills is killed by PID.
final class LocalRayCluster {
    let address: String
    /// Node 0 is the head; then the worker nodes.
    let nodePids: [[Int32]]
    private let process: Process
    private let commands: FileHandle
    private let answers: LineReader

    static var python: String { Fixtures.repoRoot.appendingPathComponent(".venv/bin/python").path }

    init(workers: Int = 2) throws {
        let script = Fixtures.repoRoot.appendingPathComponent("Tests/RayTests/local_ray_cluster.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-n", "sh", "-c", "ip link set lo up && exec \"$0\" \"$1\" --workers \(workers)",
                             Self.python, script]
        process.environment = ProcessInfo.processInfo.environment.merging(Self.rayEnvironment) { $1 }
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        commands = input.fileHandleForWriting
        answers = LineReader(output.fileHandleForReading)
        let started = try answers.json()
        address = try XCTUnwrap(started["address"] as? String, "the cluster did not start")
        nodePids = (started["nodes"] as? [[String: Any]] ?? []).map { ($0["pids"] as? [Int] ?? []).map(Int32.init) }
    }

    /// No usage report attempts from inside a namespace that has no route out.
    static let rayEnvironment = ["RAY_USAGE_STATS_ENABLED": "0"]

    /// Kills every process of worker node `index` (1-based among the workers, as in `nodePids`), as a node dying.
    func killWorkerNode(_ index: Int) throws {
        commands.write(Data("kill \(index - 1)\n".utf8))
        _ = try answers.json()
    }

    /// `tonearm ARGS` inside the cluster's network namespace (nsenter execs it: same PID, same process group).
    func tonearm(_ arguments: [String]) throws -> Process {
        let tonearm = try TonearmCLI.start(arguments, environment: Self.rayEnvironment)
        tonearm.executableURL = URL(fileURLWithPath: "/usr/bin/nsenter")
        tonearm.arguments = ["--net=/proc/\(process.processIdentifier)/ns/net", "--", TonearmCLI.executable.path] + arguments
        return tonearm
    }

    /// End of input: the helper stops every node by PID and exits.
    func stop() {
        try? commands.close()
        process.waitUntilExit()
    }
}

/// Lines from a pipe, each a JSON object.
final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    func json() throws -> [String: Any] {
        while buffer.firstIndex(of: 0x0A) == nil {
            let chunk = handle.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadUnknown) }
            buffer.append(chunk)
        }
        let newline = buffer.firstIndex(of: 0x0A)!
        let line = buffer[..<newline]
        buffer.removeSubrange(...newline)
        return try JSONSerialization.jsonObject(with: line) as? [String: Any] ?? [:]
    }
}
