import Foundation

/// What a user was listening to, saved by one player so another can take over.
public struct PlayQueue: Sendable, Equatable {
    public var trackIds: [Int64]
    public var currentId: Int64?
    public var positionMs: Int
    public var changedAt: Date
    public var changedBy: String

    public init(trackIds: [Int64], currentId: Int64?, positionMs: Int, changedAt: Date, changedBy: String) {
        self.trackIds = trackIds
        self.currentId = currentId
        self.positionMs = positionMs
        self.changedAt = changedAt
        self.changedBy = changedBy
    }
}

/// A track a player said it started.
public struct NowPlaying: Sendable, Equatable {
    public let user: String
    public let client: String
    public let trackId: Int64
    public let startedAt: Date
}
