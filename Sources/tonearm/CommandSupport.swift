import Foundation

/// A `warning: …` line on stderr: something the user should know that does not stop the command.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
}

/// The worker's interpreter: `--python`, else `$TONEARM_PYTHON`, else the `.venv` scripts/setup made.
func workerPython(_ explicit: String?) throws -> String {
    guard let python = explicit ?? venvPython(variable: "TONEARM_PYTHON", venv: ".venv") else {
        throw UserError("no worker Python found: run scripts/setup, or set TONEARM_PYTHON / --python")
    }
    return python
}

/// The model converter's interpreter: `--python`, else `$TONEARM_CONVERT_PYTHON`, else `.venv-convert`.
func converterPython(_ explicit: String?) throws -> String {
    guard let python = explicit ?? venvPython(variable: "TONEARM_CONVERT_PYTHON", venv: ".venv-convert") else {
        throw UserError("no converter Python found: run scripts/setup, or set TONEARM_CONVERT_PYTHON / --python")
    }
    return python
}

/// `$variable`, else the venv of that name that scripts/setup made beside the package the running
/// binary was built in (the binary lives in `<repo>/.build/<config>/`).
private func venvPython(variable: String, venv: String) -> String? {
    if let python = ProcessInfo.processInfo.environment[variable] { return python }
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.path != "/" {
        let candidate = folder.appendingPathComponent("\(venv)/bin/python")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
        folder.deleteLastPathComponent()
    }
    return nil
}
