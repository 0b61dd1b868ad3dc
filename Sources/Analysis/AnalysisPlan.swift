import Foundation
import TrackStore

struct AnalysisJob: Sendable {
    var trackId: Int64
    var path: RawPath
    /// Size and mtime the job was planned on; a result is stored only if the file still has them.
    var size: Int64
    var mtime: Double
    var groups: [AnalysisGroup]

    init(trackId: Int64, file: FoundFile, groups: [AnalysisGroup]) {
        self.trackId = trackId
        path = file.rawPath
        size = file.size
        mtime = file.mtime
        self.groups = groups
    }
}

/// Which tracks need which groups: a group is redone only when its stored provenance is none of those that
/// count as current (absent, produced by another model file, older code, or the fast mode in a default run).
struct AnalysisPlan {
    var jobs: [AnalysisJob] = []
    /// Every computable group already current.
    var upToDate = 0
    /// Failed before and not retried (`--retry-failed` retries them).
    var skippedFailed = 0
    /// Pending tracks with nothing left to compute (a file that reappeared unchanged).
    var completeButPending: [Int64] = []

    init(files: [FoundFile], stored: [String: StoredFile], storedGroups: [Int64: [AnalysisGroup: String]],
         current: [AnalysisGroup: Set<String>], retryFailed: Bool) {
        for file in files.sorted(by: { $0.path < $1.path }) {
            guard let track = stored[file.path] else { continue }
            if track.state == .failed && !retryFailed {
                skippedFailed += 1
                continue
            }
            let have = storedGroups[track.id] ?? [:]
            let needed = current.keys.sorted().filter { !(current[$0]?.contains(have[$0] ?? "") ?? false) }
            if !needed.isEmpty {
                jobs.append(AnalysisJob(trackId: track.id, file: file, groups: needed))
            } else if track.state != .analyzed {
                completeButPending.append(track.id)
            } else {
                upToDate += 1
            }
        }
    }
}
