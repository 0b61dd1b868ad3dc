import Models
import TrackStore

/// `tonearm analyze --fast` (docs/analysis-speed.md): the workers cut the embedding backbones' patches side by
/// side instead of overlapping by half, so half the inferences. The groups that changes are stored
/// with their provenance marked `+fast`, so every row says which mode made it: a default run finds those
/// rows out of date and computes them again, and a fast run takes rows of either mode as current.
enum AnalysisMode {
    /// The groups whose numbers the fast mode changes (the worker's `mode.FAST`).
    static let fastGroups: Set<AnalysisGroup> = [.effnet, .musicnn]
    static let fastMark = "+fast"

    /// What rows of each computable group are stamped with in this mode.
    static func written(_ standard: [AnalysisGroup: String], fast: Bool) -> [AnalysisGroup: String] {
        guard fast else { return standard }
        return Dictionary(uniqueKeysWithValues: standard.map { group, provenance in
            (group, fastGroups.contains(group) ? provenance + fastMark : provenance)
        })
    }

    /// The stored provenances that count as current: the default mode's rows in either mode, the fast mode's
    /// only in the fast mode.
    static func current(_ standard: [AnalysisGroup: String], fast: Bool) -> [AnalysisGroup: Set<String>] {
        let written = written(standard, fast: fast)
        return standard.mapValues { [$0] }.merging(written.mapValues { [$0] }) { $0.union($1) }
    }
}
