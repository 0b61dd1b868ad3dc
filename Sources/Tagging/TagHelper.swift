import Foundation

/// The tag helper in the worker's venv (`python -m tonearm_worker.tagger`, mutagen and ffmpeg),
/// spoken to in JSON lines, one reply per request (worker/TAGGER.md).
final class TagHelper {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()
    private var nextId = 1

    init(python: String) throws {
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-m", "tonearm_worker.tagger"]
        process.standardInput = input
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw TagError("cannot start the tag helper with \(python): \(error) (run scripts/setup)")
        }
        signal(SIGPIPE, SIG_IGN)
        let hello = try readReply()
        guard hello["type"] as? String == "ready", hello["protocol"] as? Int == Self.protocolVersion else {
            throw TagError("the tag helper speaks another protocol (\(hello)); run scripts/setup")
        }
    }

    static let protocolVersion = 1

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// Sends one request (an `id` is added) and returns its reply.
    func request(_ fields: [String: Any]) throws -> [String: Any] {
        var message = fields
        message["id"] = nextId
        nextId += 1
        var line = try JSONSerialization.data(withJSONObject: message)
        line.append(0x0A)
        do {
            try input.fileHandleForWriting.write(contentsOf: line)
        } catch {
            throw TagError("the tag helper stopped (exit status \(process.isRunning ? 0 : process.terminationStatus))")
        }
        return try readReply()
    }

    private func readReply() throws -> [String: Any] {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                guard let reply = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                    throw TagError("the tag helper sent a line that is not a JSON object")
                }
                return reply
            }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw TagError("the tag helper stopped without a reply") }
            buffer.append(chunk)
        }
    }
}
