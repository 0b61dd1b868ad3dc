import Foundation
import TrackStore

extension CollectionSummary {
    /// Failed files listed one by one; the grouped reasons above the list cover them all.
    static let listedFailures = 200

    func header(generatedAt: Date) -> String {
        let formatList = formats.map { "\($0.codec) \($0.tracks)" }.joined(separator: ", ")
        let facts: [[String]] = [
            ["Tracks analyzed", HTML.figure("analyzed", "\(analyzed)")
                + (incomplete > 0 ? " (\(HTML.figure("incomplete", "\(incomplete)")) lacking a model's descriptors)" : "")],
            ["Analyzed from excerpts (very long tracks)", HTML.figure("from-excerpts", "\(fromExcerpts)")],
            ["Failed", HTML.figure("failed", "\(failed)")],
            ["Pending (not analyzed yet)", HTML.figure("pending", "\(pending)")],
            ["Missing from disk", HTML.figure("missing", "\(missing)")],
            ["Total duration (analyzed)", HTML.figure("duration", Format.duration(totalDuration))],
            ["Formats (analyzed, by codec)", formatList.isEmpty ? "–" : HTML.figure("formats", formatList)],
            ["Analyzed", "\(HTML.escape(Format.date(firstAnalysis))) – \(HTML.escape(Format.date(lastAnalysis)))"],
            ["Computed by", HTML.escape(provenanceList)],
            ["Report written", HTML.escape(Format.date(generatedAt))],
            ["Data beside this page", "<a href=\"styles.tsv\">styles.tsv</a> (all 400 styles), "
                + "<a href=\"tracks.csv\">tracks.csv</a> (one row per track, as <code>tonearm export</code>)"],
        ]
        return """
            <header>
            <h1>tonearm collection report</h1>
            \(ModelNotes(provenances: provenances).header)
            \(HTML.table(["Collection", ""], facts, id: "collection-facts"))
            \(failureTables())
            </header>
            """
    }

    /// `group: provenance (tracks)`, so a report made with other or missing models says so.
    private var provenanceList: String {
        let groups = AnalysisGroup.allCases.map { group in
            let sources = (provenances[group] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }
            return "\(group.rawValue): \(sources.isEmpty ? "not computed" : sources.joined(separator: ", "))"
        }
        return groups.joined(separator: "; ")
    }

    /// Shown instead of the sections when no track has any descriptors.
    public var emptyMessage: String {
        if failed > 0 {
            return "No track could be analyzed: all \(failed) attempts failed. The reasons are listed above."
        }
        if pending > 0 {
            return "No track is analyzed yet (\(pending) pending): run `tonearm analyze` to finish."
        }
        return "The store has no analyzed tracks: run `tonearm analyze <music folder>` first."
    }

    private func failureTables() -> String {
        guard !failures.isEmpty else { return "" }
        let reasonRows = failureReasons.map { ["\($0.tracks)", HTML.escape($0.stage), HTML.escape($0.message)] }
        let listed = failures.prefix(Self.listedFailures)
        let fileRows = listed.map { [HTML.escape($0.path), HTML.escape($0.stage), HTML.escape($0.message)] }
        let more = failures.count - listed.count
        return """
            <h2>Failures</h2>
            \(HTML.table(["Tracks", "Stage", "Reason"], reasonRows, id: "failure-reasons"))
            <details><summary>Failed files</summary>
            \(HTML.table(["File", "Stage", "Reason"], fileRows, id: "failed-files"))
            \(more > 0 ? "<p>and \(more) more (see <code>tonearm status</code>).</p>" : "")
            </details>
            """
    }
}
