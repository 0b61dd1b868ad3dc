import Foundation

/// The collection report's `index.html`: the header of collection facts and one section per question.
struct ReportPage {
    var report: CollectionReport
    var generatedAt: Date
    var assets: ReportAssets

    var sections: [ReportSection] {
        [report.observations.section(), report.styles.section(), report.rhythm.section(), report.keys.section(), report.loudness.section(),
         report.emotion.section(), report.voice.section()]
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
