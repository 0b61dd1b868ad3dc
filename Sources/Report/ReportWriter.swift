import Foundation
import TrackStore

/// Writes the report folder: `index.html` and `styles.tsv`.
public enum ReportWriter {
    public struct Written: Sendable {
        public var page: URL
        public var files: [URL]
        public var report: CollectionReport
    }

    /// Where Debian's `libjs-chart.js` (installed by `scripts/setup`) puts Chart.js 3.
    public static let chartLibraryPath = "/usr/share/javascript/chart.js/chart.min.js"

    public static func write(store: TrackStore, to directory: URL, generatedAt: Date = Date(),
                             chartLibraryPath: String = chartLibraryPath) throws -> Written {
        let assets = try ReportAssets(chartLibraryPath: chartLibraryPath)
        let report = CollectionReport(try ReportData(store: store))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let page = directory.appendingPathComponent("index.html")
        try ReportPage(report: report, generatedAt: generatedAt, assets: assets).html()
            .write(to: page, atomically: true, encoding: .utf8)
        let styles = directory.appendingPathComponent("styles.tsv")
        try StylesTable.tsv(report.styles).write(to: styles, atomically: true, encoding: .utf8)
        return Written(page: page, files: [page, styles], report: report)
    }
}
