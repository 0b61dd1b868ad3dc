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
    private var ticker: DispatchSourceTimer?

    /// On a terminal the bar is drawn at once and refreshed every second, so rate and ETA stay live
    /// while a long track is being analyzed.
    init(total: Int) {
        self.total = total
        guard isTerminal, total > 0 else { return }
        let ticker = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        ticker.schedule(deadline: .now(), repeating: 1)
        ticker.setEventHandler { [weak self] in self?.lock.withLock { self?.draw() } }
        ticker.resume()
        self.ticker = ticker
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
        ticker?.cancel()
        lock.withLock {
            if isTerminal && total > 0 {
                draw()
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
    }

    private func draw() {
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Self.clock(Double(total - done) / rate) : "--:--"
        let figures = "\(done)/\(total)  \(String(format: "%.2f", rate)) tracks/s  elapsed \(Self.clock(elapsed))  ETA \(eta)  failed \(failed)"
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
