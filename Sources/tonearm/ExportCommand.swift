import ArgumentParser
import Export
import Foundation
import TrackStore

extension ExportFormat: ExpressibleByArgument {}
extension StyleColumns: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one row per track with every scalar descriptor and the top 3 styles, or one embedding matrix.",
        discussion: """
            CSV (RFC 4180, with a header), JSON Lines (one object per track) or Parquet
            (typed columns, written by pyarrow in the worker venv), for pandas or R:
              pandas.read_csv("tracks.csv")
              pandas.read_json("tracks.jsonl", lines=True)
              pandas.read_parquet("tracks.parquet")   arrow::read_parquet("tracks.parquet")
            Descriptors a track lacks are empty in CSV, null in JSON Lines and Parquet.
            --styles all adds the 400 style activations: one column per style (CSV,
            Parquet) or a `styles` array in the order of those columns (JSON Lines).
            --embeddings KIND -o DIR writes DIR/KIND.npy (float32, one row per track
            that has the embedding; numpy.load reads it as is) and DIR/tracks.csv
            (id, path), the row order.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Output format.")
    var format: ExportFormat = .csv

    @Option(name: .long, help: "Style activations: top (the 3 strongest) or all (all 400 besides).")
    var styles: StyleColumns = .top

    @Option(name: .long, help: "Write this mean embedding (effnet or musicnn) as .npy into the -o folder instead.")
    var embeddings: EmbeddingKind?

    @Option(name: .shortAndLong, help: "The file to write (the folder, with --embeddings); standard output when omitted.")
    var output: String?

    @Option(help: "Python interpreter of the worker venv, for Parquet (default: $TONEARM_PYTHON, else .venv beside the build).")
    var python: String?

    func validate() throws {
        if embeddings != nil, output == nil { throw ValidationError("--embeddings needs -o DIR") }
        if format == .parquet, output == nil { throw ValidationError("Parquet is binary: give a file with -o") }
    }

    func run() throws {
        let trackStore = try store.openExisting()
        if let embeddings, let output {
            let written = try EmbeddingExport.write(embeddings, from: trackStore, to: URL(fileURLWithPath: output))
            note("wrote \(written.rows) × \(written.dimensions) \(embeddings.rawValue) embeddings to \(written.matrix.path), "
                 + "row order in \(written.tracks.path)")
            return
        }
        let export = try TrackExport(store: trackStore, styles: styles)
        switch format {
        case .parquet:
            try ParquetWriter(python: try workerPython(python)).write(export, to: URL(fileURLWithPath: output!))
        case .csv, .jsonl:
            let text = export.text(format == .csv ? .csv : .jsonl)
            guard let output else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        }
        note("wrote \(export.rows.count) tracks to \(output!)")
    }

    private func note(_ line: String) {
        FileHandle.standardError.write(Data("\(line)\n".utf8))
    }
}
