/// One numbered question of the report: its markup and the charts the markup places.
struct ReportSection {
    var id: String
    var title: String
    var body: String
    var charts: [ChartSpec]

    /// A section that says which descriptors are missing when no track has them, else shows what
    /// `content` builds.
    init(id: String, title: String, trackCount: Int, missing: String,
         content: () -> (body: String, charts: [ChartSpec])) {
        self.id = id
        self.title = title
        if trackCount > 0 {
            (body, charts) = content()
        } else {
            body = Self.noData(missing)
            charts = []
        }
    }

    init(id: String, title: String, body: String = "", charts: [ChartSpec] = []) {
        self.id = id
        self.title = title
        self.body = body
        self.charts = charts
    }

    var html: String {
        "<section id=\"\(id)\">\n<h2>\(HTML.escape(title))</h2>\n\(body)\n</section>"
    }

    /// The body of a section whose descriptors no track has: usually a model was missing at analysis.
    static func noData(_ what: String) -> String {
        """
        <p class="no-data">No track has \(HTML.escape(what)) yet. <code>tonearm status</code> shows which \
        descriptor groups are missing, <code>tonearm models</code> which model files; once they are in place \
        the next <code>tonearm analyze</code> fills the groups in.</p>
        """
    }
}
