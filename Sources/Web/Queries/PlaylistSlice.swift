import Playlists

/// Which rows of a playlist a response carries. Its parameters belong to the web app only
/// (`page` on the playlists page, `offset` and `count` on `/api/playlist`); they are taken out before
/// the rest is read as the `PlaylistQuery` the CLI shares.
struct PlaylistSlice {
    static let pageSize = 100
    static let maxCount = 500
    static let pageParameter = "page"

    let offset: Int
    let count: Int

    /// The query's own pairs, and the values of the `names` taken out (the last of each wins).
    static func split(_ pairs: [(name: String, value: String)], taking names: Set<String>)
        -> (query: [(name: String, value: String)], taken: [String: String]) {
        var taken: [String: String] = [:]
        let query = pairs.filter { pair in
            guard names.contains(pair.name) else { return true }
            taken[pair.name] = pair.value.trimmingCharacters(in: .whitespaces)
            return false
        }
        return (query, taken.filter { !$0.value.isEmpty })
    }

    /// `page` (1-based) of `pageSize` rows.
    init(page: String?) throws {
        let number = try Self.number(page, parameter: Self.pageParameter, default: 1, within: 1...Int.max)
        offset = (number - 1) * Self.pageSize
        count = Self.pageSize
    }

    init(offset: String?, count: String?) throws {
        self.offset = try Self.number(offset, parameter: "offset", default: 0, within: 0...Int.max)
        self.count = try Self.number(count, parameter: "count", default: Self.pageSize, within: 0...Self.maxCount)
    }

    var page: Int { offset / Self.pageSize + 1 }

    /// The entries of `result` this slice shows.
    func entries(of result: PlaylistResult) -> [PlaylistEntry] {
        result.entries(in: offset..<offset + count)
    }

    private static func number(_ text: String?, parameter: String, default value: Int, within bounds: ClosedRange<Int>) throws -> Int {
        guard let text else { return value }
        guard let number = Int(text), bounds.contains(number) else {
            let expected = bounds.upperBound == Int.max ? "a whole number of at least \(bounds.lowerBound)"
                : "a whole number from \(bounds.lowerBound) to \(bounds.upperBound)"
            throw QueryError.invalidValue(parameter: parameter, value: text, expected: expected)
        }
        return number
    }
}
