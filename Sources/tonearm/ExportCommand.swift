import ArgumentParser
import Foundation
import Report

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one row per track with every scalar descriptor and the top 3 styles.",
        discussion: """
            CSV (RFC 4180, with a header) or JSON Lines (one object per track), for pandas, R or a spreadsheet:
              pandas.read_csv("tracks.csv")   pandas.read_json("tracks.jsonl", lines=True)
            Descriptors a track lacks are empty cells in CSV and null in JSON Lines.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Output format.")
    var format: ExportFormat = .csv

    @Option(name: .shortAndLong, help: "The file to write; standard output when omitted.")
    var output: String?

    func run() throws {
        let export = TrackExport(try ReportData(store: try store.openExisting()))
        let text = export.text(format)
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
            FileHandle.standardError.write(Data("wrote \(export.rows.count) tracks to \(output)\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
