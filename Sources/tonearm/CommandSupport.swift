import Analysis
import Foundation

/// A `warning: …` line on stderr: something the user should know that does not stop the command.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
}

/// The worker's interpreter: `--python` when given, else `WorkerLaunch.defaultPython()`.
func workerPython(_ explicit: String?) throws -> String {
    guard let python = explicit ?? WorkerLaunch.defaultPython() else {
        throw UserError("no worker Python found: run scripts/setup, or set TONEARM_PYTHON / --python")
    }
    return python
}
