import Foundation

/// One slot per job of a `DispatchQueue.concurrentPerform`, each written by its own job.
final class ConcurrentResults<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    subscript(job: Int) -> Value? {
        get { lock.withLock { slots[job] } }
        set { lock.withLock { slots[job] = newValue } }
    }

    var values: [Value?] { lock.withLock { slots } }
}
