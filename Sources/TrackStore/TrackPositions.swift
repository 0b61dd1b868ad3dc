/// Track id → position in a list of tracks, as a flat array indexed by id: track ids are SQLite's
/// autoincremented row ids, dense from 1, so this is a few bytes per track where a `[Int64: Int]`
/// would hash a million keys at start-up.
public struct TrackPositions: Sendable {
    private var positions: [Int32] = []

    public init() {}

    public init(_ ids: some Sequence<Int64>) {
        for (position, id) in ids.enumerated() { set(id, position) }
    }

    public mutating func set(_ id: Int64, _ position: Int) {
        let slot = Int(id)
        if slot >= positions.count { positions.append(contentsOf: repeatElement(-1, count: max(slot + 1 - positions.count, positions.count))) }
        positions[slot] = Int32(position)
    }

    public subscript(id: Int64) -> Int? {
        guard id >= 0, id < positions.count else { return nil }
        let position = positions[Int(id)]
        return position < 0 ? nil : Int(position)
    }
}
