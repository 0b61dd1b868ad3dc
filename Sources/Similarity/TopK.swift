/// The `capacity` best (score, id) pairs seen so far, in a binary heap with the worst on top, so a scan
/// over n rows costs O(n log k) and never sorts all of them. Better means a higher score, then a lower id.
struct TopK {
    private(set) var capacity: Int
    private var heap: [(score: Float, id: Int64)] = []

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
        heap.reserveCapacity(self.capacity)
    }

    private static func isWorse(_ a: (score: Float, id: Int64), than b: (score: Float, id: Int64)) -> Bool {
        a.score != b.score ? a.score < b.score : a.id > b.id
    }

    /// The score a new candidate must beat once full; -infinity until then (a cheap early test for scans).
    var threshold: Float { heap.count < capacity ? -.infinity : heap[0].score }

    mutating func offer(score: Float, id: Int64) {
        guard capacity > 0 else { return }
        let candidate = (score: score, id: id)
        if heap.count < capacity {
            heap.append(candidate)
            siftUp(heap.count - 1)
        } else if Self.isWorse(heap[0], than: candidate) {
            heap[0] = candidate
            siftDown(0)
        }
    }

    /// Keeps the best of both: what a scan split over threads gathers into one answer.
    mutating func merge(_ other: TopK) {
        for candidate in other.heap { offer(score: candidate.score, id: candidate.id) }
    }

    /// Best first.
    func sorted() -> [Neighbor] {
        heap.sorted { Self.isWorse($1, than: $0) }.map { Neighbor(trackId: $0.id, score: Double($0.score)) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.isWorse(heap[child], than: heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < heap.count && Self.isWorse(heap[left], than: heap[worst]) { worst = left }
            if right < heap.count && Self.isWorse(heap[right], than: heap[worst]) { worst = right }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
