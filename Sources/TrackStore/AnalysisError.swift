import Foundation
import GRDB

/// Why a file could not be analyzed. Kept per track so `status` and the report can group reasons.
public struct AnalysisError: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "analysis_error"

    public var id: Int64?
    public var trackId: Int64
    public var path: String
    /// The step that failed: `decode`, `signal`, `effnet`, `worker`, …
    public var stage: String
    public var message: String
    public var at: Date

    public init(trackId: Int64, path: String, stage: String, message: String, at: Date = Date()) {
        self.trackId = trackId
        self.path = path
        self.stage = stage
        self.message = message
        self.at = at
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
