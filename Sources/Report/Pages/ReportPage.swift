import Foundation
import TrackStore

/// The collection report's `index.html`: the header of collection facts and one section per question.
struct ReportPage {
    var report: CollectionReport
    var generatedAt: Date
    var assets: ReportAssets

    /// The groups whose values each section shows, for its note on unofficial model files.
    static let sectionGroups: [String: [AnalysisGroup]] = [
        "styles": [.effnet], "rhythm": [.tempoCNN, .effnet], "emotion": [.musicnn], "voice": [.effnet],
    ]

    var sections: [ReportSection] {
        let notes = ModelNotes(provenances: report.collection.provenances)
        return [report.observations.section(), report.styles.section(), report.rhythm.section(), report.keys.section(),
                report.loudness.section(), report.emotion.section(), report.voice.section()].map { section in
            var section = section
            section.body = notes.note(for: Self.sectionGroups[section.id] ?? []) + section.body
            return section
        }
    }

    func html() throws -> String {
        let sections = report.hasDescriptors ? self.sections : []
        let content = report.hasDescriptors
            ? sections.map(\.html).joined(separator: "\n")
            : "<p class=\"no-data\" id=\"empty-report\">\(HTML.escape(report.collection.emptyMessage))</p>"
        return try ChartedPage(title: "tonearm collection report", header: report.collection.header(generatedAt: generatedAt),
                               content: content, charts: sections.flatMap(\.charts), assets: assets).html()
    }
}
