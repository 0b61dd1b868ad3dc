import Foundation
import XCTest

/// Debian's `chromium` run headless on a local page, as a reader's browser would open it.
struct HeadlessChromium {
    static let executable = "/usr/bin/chromium"

    struct Run {
        var stdout: String
        /// Chromium's own log; with `--enable-logging=stderr` every console message of the page
        /// appears here as a `CONSOLE` line.
        var stderr: String

        var consoleLines: [String] {
            stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        }
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "\(HeadlessChromium.executable) is missing: run scripts/setup" }
    }

    let profile: URL

    init(profile: URL) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
            throw Missing()
        }
        self.profile = profile
    }

    /// The DOM once the page has loaded and run its scripts.
    func dumpDOM(_ page: URL, width: Int = 1200, height: Int = 1000) throws -> Run {
        try run(["--dump-dom", "--window-size=\(width),\(height)", page.absoluteString])
    }

    func screenshot(_ page: URL, to png: URL, width: Int, height: Int) throws -> Run {
        try run(["--screenshot=\(png.path)", "--hide-scrollbars", "--window-size=\(width),\(height)", page.absoluteString])
    }

    private func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        // Virtual time lets the page finish everything it scheduled without a wall-clock wait.
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr",
                             "--v=0", "--virtual-time-budget=10000", "--user-data-dir=\(profile.path)"] + arguments
        let stdoutFile = profile.appendingPathExtension("stdout"), stderrFile = profile.appendingPathExtension("stderr")
        for file in [stdoutFile, stderrFile] {
            try Data().write(to: file)
        }
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
        process.waitUntilExit()
        let result = Run(stdout: try String(contentsOf: stdoutFile, encoding: .utf8),
                         stderr: try String(contentsOf: stderrFile, encoding: .utf8))
        XCTAssertEqual(process.terminationStatus, 0, "chromium failed: \(result.stderr.suffix(2000))")
        return result
    }
}
