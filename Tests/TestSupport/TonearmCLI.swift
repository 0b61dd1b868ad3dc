import Foundation

/// Runs the built `tonearm` executable as a user would, capturing its output.
public enum TonearmCLI {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The executable sits beside the test bundle in the build folder.
    public static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("tonearm")
    }

    /// `launcher` (e.g. `nsenter -t PID -m --`) runs tonearm through another program.
    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                           launcher: [String] = []) throws -> Result {
        try runToEnd(start(arguments, environment: environment, launcher: launcher), stdin: stdin)
    }

    /// Runs a configured, not yet started process to its end, capturing its output; `stdin` is its whole input.
    @discardableResult
    public static func runToEnd(_ process: Process, stdin: String? = nil) throws -> Result {
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        if stdin != nil { process.standardInput = input }
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A configured, not yet started process, for tests that interrupt it.
    public static func start(_ arguments: [String], environment: [String: String] = [:],
                             launcher: [String] = []) throws -> Process {
        let process = Process()
        process.executableURL = launcher.first.map { URL(fileURLWithPath: $0) } ?? executable
        process.arguments = launcher.isEmpty ? arguments : launcher.dropFirst() + [executable.path] + arguments
        process.environment = ProcessInfo.processInfo.environment
            .merging(["XDG_CACHE_HOME": try emptyCache.get().path]) { $1 }
            .merging(environment) { $1 }
        return process
    }

    /// The user's model and conversion caches stay out of tests unless a test points XDG_CACHE_HOME somewhere.
    private static let emptyCache = Swift.Result { try BundleScopedDirectories.make("tonearm-empty-cache") }
}
