import Foundation

/// Slows password guessing: after `limit` failed logins from one client address within `window`
/// seconds, that address is refused until its oldest counted failure leaves the window.
/// A successful login clears the address. Time is passed in, so callers and tests decide the clock.
public final class LoginRateLimiter: @unchecked Sendable {
    public let limit: Int
    public let window: TimeInterval
    private var failures: [String: [Date]] = [:]
    private let lock = NSLock()

    public init(limit: Int = 10, window: TimeInterval = 60) {
        self.limit = limit
        self.window = window
    }

    /// Seconds until the address may try again, or nil when it may try now.
    public func retryAfter(address: String, now: Date = Date()) -> TimeInterval? {
        lock.withLock {
            let recent = prune(address, now)
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return oldest.addingTimeInterval(window).timeIntervalSince(now)
        }
    }

    public func recordFailure(address: String, now: Date = Date()) {
        lock.withLock {
            failures[address] = prune(address, now) + [now]
            // Addresses that stopped trying are forgotten, so a scan from many addresses cannot grow this without bound.
            if failures.count > 10_000 { failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
        }
    }

    public func recordSuccess(address: String) {
        lock.withLock { failures[address] = nil }
    }

    private func prune(_ address: String, _ now: Date) -> [Date] {
        let recent = (failures[address] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[address] = recent.isEmpty ? nil : recent
        return recent
    }
}
