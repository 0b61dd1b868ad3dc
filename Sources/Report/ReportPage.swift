import Foundation

/// The self-contained `index.html`: markup, the chart data as JSON, and the scripts inlined so the
/// file opens offline from anywhere.
struct ReportPage {
    var report: CollectionReport
    var generatedAt: Date
    var assets: ReportAssets

    var sections: [ReportSection] {
        [report.styles.section(), report.rhythm.section(), report.keys.section(), report.loudness.section(),
         report.emotion.section(), report.voice.section()]
    }

    func html() throws -> String {
        let sections = report.hasDescriptors ? self.sections : []
        let content = report.hasDescriptors
            ? sections.map(\.html).joined(separator: "\n")
            : "<p class=\"no-data\" id=\"empty-report\">\(HTML.escape(report.collection.emptyMessage))</p>"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>tonearm collection report</title>
            <style>
            \(assets.stylesheet)
            </style>
            <script>
            \(assets.errorCapture)
            </script>
            </head>
            <body>
            \(report.collection.header(generatedAt: generatedAt))
            <main>
            \(content)
            </main>
            <script type="application/json" id="report-charts">\(try HTML.scriptJSON(sections.flatMap(\.charts)))</script>
            <script>
            \(assets.chartLibrary)
            </script>
            <script>
            \(assets.chartScript)
            </script>
            </body>
            </html>
            """
    }
}
