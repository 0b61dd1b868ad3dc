/// A self-contained page: markup, the chart data as JSON, and the scripts inlined, so the file
/// opens offline from anywhere. The collection report and the evaluation page share it.
struct ChartedPage {
    var title: String
    var header: String
    var content: String
    var charts: [ChartSpec]
    var assets: ReportAssets

    func html() throws -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <style>
        \(assets.stylesheet)
        </style>
        <script>
        \(assets.errorCapture)
        </script>
        </head>
        <body>
        \(header)
        <main>
        \(content)
        </main>
        <script type="application/json" id="report-charts">\(try HTML.scriptJSON(charts))</script>
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
