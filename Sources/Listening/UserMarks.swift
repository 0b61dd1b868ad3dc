import Foundation

/// How often a user played a track, and when last.
public struct Plays: Sendable, Equatable {
    public var count: Int
    public var last: Date

    public init(count: Int, last: Date) {
        self.count = count
        self.last = last
    }
}

/// One user's marks on the collection, as their song, album and artist entries show them: stars and
/// ratings by item id (a track id, `al-…`, `ar-…`, `fo-…`), plays by track id.
public struct UserMarks: Sendable {
    public var starred: [String: Date] = [:]
    public var ratings: [String: Int] = [:]
    public var plays: [Int64: Plays] = [:]

    public init() {}
}
