import ArgumentParser
import Foundation
import Report

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report of the collection: styles, tempo, keys, loudness, emotion, voice.",
        discussion: """
            The folder gets index.html, one self-contained page that opens offline in any browser (Chart.js
            is inlined from Debian's libjs-chart.js), styles.tsv with the counts of all 400 Discogs styles, and
            tracks.csv, the same rows as `tonearm export`.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .shortAndLong, help: "The folder to write the report into.")
    var output: String = "report"

    func run() throws {
        let folder = URL(fileURLWithPath: output).standardizedFileURL
        let written = try ReportWriter.write(store: try store.openExisting(), to: folder)
        let report = written.report
        if !report.hasDescriptors {
            FileHandle.standardError.write(Data("report: \(report.collection.emptyMessage)\n".utf8))
        }
        print("wrote \(written.files.map(\.path).joined(separator: ", "))")
        print("\(report.collection.analyzed) tracks analyzed, \(report.collection.failed) failed; open \(written.page.path)")
    }
}
