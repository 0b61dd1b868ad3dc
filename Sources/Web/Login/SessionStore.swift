import Foundation

/// Logged-in sessions, in memory: a restart logs everyone out. Expired sessions are dropped when
/// looked up and whenever a new one starts, so the table cannot grow without bound.
final class SessionStore: @unchecked Sendable {
    let lifetime: TimeInterval
    private var sessions: [String: (user: String, expires: Date)] = [:]
    private let lock = NSLock()

    init(lifetime: TimeInterval) {
        self.lifetime = lifetime
    }

    func start(user: String, now: Date = Date()) -> String {
        let token = RequestSigner.randomToken()
        lock.withLock {
            sessions = sessions.filter { $0.value.expires > now }
            sessions[token] = (user, now.addingTimeInterval(lifetime))
        }
        return token
    }

    func user(for token: String, now: Date = Date()) -> String? {
        lock.withLock {
            guard let session = sessions[token] else { return nil }
            guard session.expires > now else {
                sessions[token] = nil
                return nil
            }
            return session.user
        }
    }

    func end(_ token: String) {
        lock.withLock { sessions[token] = nil }
    }
}
