import Export
import Foundation
import TrackStore

/// Writes the report folder: `index.html`, `styles.tsv`, and `tracks.csv` (the CSV export) so the
/// figures can be checked or taken further in pandas, R or a spreadsheet.
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
        let data = try ReportData(store: store)
        let report = CollectionReport(data)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let page = directory.appendingPathComponent("index.html")
        try ReportPage(report: report, generatedAt: generatedAt, assets: assets).html()
            .write(to: page, atomically: true, encoding: .utf8)
        let styles = directory.appendingPathComponent("styles.tsv")
        try StylesTable.tsv(report.styles).write(to: styles, atomically: true, encoding: .utf8)
        let tracks = directory.appendingPathComponent("tracks.csv")
        try TrackExport(tracks: data.tracks, styleLabels: data.styleLabels).text(.csv).write(to: tracks, atomically: true, encoding: .utf8)
        return Written(page: page, files: [page, styles, tracks], report: report)
    }
}
