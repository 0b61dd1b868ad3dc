import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Live progress: a redrawn bar on a terminal, a plain line every few seconds otherwise (logs, CI).
final class Progress {
    private let total: Int
    private let started = Date()
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var done = 0
    private var failed = 0
    private var lastDraw = Date.distantPast

    init(total: Int) {
        self.total = total
    }

    func advance(failed didFail: Bool) {
        lock.withLock {
            done += 1
            if didFail { failed += 1 }
            let interval: TimeInterval = isTerminal ? 0.2 : 10
            if done == total || Date().timeIntervalSince(lastDraw) >= interval {
                lastDraw = Date()
                draw()
            }
        }
    }

    func finish() {
        if isTerminal && total > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func draw() {
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let figures = "\(done)/\(total)  \(String(format: "%.2f", rate)) tracks/s  ETA \(Self.clock(eta))  failed \(failed)"
        if isTerminal {
            let width = 30, filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(figures)".utf8))
        } else {
            FileHandle.standardError.write(Data("progress: \(figures)\n".utf8))
        }
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600 ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                             : String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
