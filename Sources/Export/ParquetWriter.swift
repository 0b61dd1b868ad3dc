import Foundation

/// Writes a `TrackExport` as Parquet through pyarrow, the Apache Arrow project's own writer, run in
/// the worker's venv (`python -m tonearm_worker.parquet_export`). Swift streams the typed columns
/// and rows as JSON lines over the child's stdin; the file appears under its name only once pyarrow
/// has written it completely.
public struct ParquetWriter: Sendable {
    public let python: String

    public init(python: String) {
        self.python = python
    }

    public func write(_ export: TrackExport, to file: URL) throws {
        let partial = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
        defer { try? FileManager.default.removeItem(at: partial) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-m", "tonearm_worker.parquet_export", partial.path]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ExportError("cannot start \(python) for the Parquet writer: \(error) (run scripts/setup)")
        }
        // stderr is read on its own thread so a chatty child cannot block while we still write to it.
        let collected = ErrorText()
        let finished = DispatchSemaphore(value: 0)
        Thread {
            collected.text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            finished.signal()
        }.start()
        // A writer that dies early must be reported as its own error, not end this process by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let handle = input.fileHandleForWriting
        try? handle.write(contentsOf: Data(Self.schemaLine(export).utf8))
        for row in export.rows {
            try? handle.write(contentsOf: Data(("[" + row.map(Self.json).joined(separator: ",") + "]\n").utf8))
        }
        try? handle.close()
        process.waitUntilExit()
        finished.wait()
        guard process.terminationStatus == 0 else {
            let last = collected.text.split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw ExportError("the Parquet writer failed: \(last)")
        }
        guard rename(partial.path, file.path) == 0 else {
            throw ExportError("cannot write \(file.path): \(String(cString: strerror(errno)))")
        }
    }

    /// `{"columns": [{"name": …, "type": …}, …]}`: the Arrow schema the rows follow.
    static func schemaLine(_ export: TrackExport) -> String {
        let columns = export.columns.map { "{\"name\":\(JSONText.string($0.name)),\"type\":\"\($0.type.rawValue)\"}" }
        return "{\"columns\":[" + columns.joined(separator: ",") + "]}\n"
    }

    /// A float32 is sent as its exact float64 value, so pyarrow's cast back to float32 is exact.
    static func json(_ value: ExportValue) -> String {
        if case .single(let single) = value { return "\(Double(single))" }
        return JSONText.value(value)
    }
}

private final class ErrorText: @unchecked Sendable {
    var text = ""
}
