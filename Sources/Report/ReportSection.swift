/// One numbered question of the report: its markup and the charts the markup places.
struct ReportSection {
    var id: String
    var title: String
    var body: String
    var charts: [ChartSpec] = []

    var html: String {
        "<section id=\"\(id)\">\n<h2>\(HTML.escape(title))</h2>\n\(body)\n</section>"
    }

    /// The body of a section whose descriptors no track has.
    static func noData(_ what: String) -> String {
        "<p class=\"no-data\">No track has \(HTML.escape(what)) yet.</p>"
    }
}
