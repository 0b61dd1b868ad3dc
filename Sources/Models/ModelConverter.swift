import Foundation

/// Runs tonearm's converter (the `converter/` Python package, in the venv `scripts/setup` makes) on
/// model graphs; each conversion lands in the cache only once checked against TensorFlow.
public struct ModelConverter: Sendable {
    public var python: String
    public var cache: ConversionCache

    public init(python: String, cache: ConversionCache) {
        self.python = python
        self.cache = cache
    }

    public struct Outcome: Sendable, Equatable {
        public var model: LocatedModel
        /// nil when the conversion was kept.
        public var error: String?
        public var maxDifference: Double?
        /// Whether the converter also cut the graph so the worker runs its first layers once per frame
        /// (converter/tonearm_convert/shared_frontend.py).
        public var sharedFrontend = false

        public var summary: String {
            if let error { return "\(model.role.spec.name): NOT converted: \(error)" }
            return "\(model.role.spec.name): converted, ONNX output within "
                + String(format: "%.1e", maxDifference ?? .nan) + " of TensorFlow's"
                + (sharedFrontend ? "; first layers shared by overlapping patches" : "")
        }
    }

    public func convert(_ models: [LocatedModel]) throws -> [Outcome] {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tonearm-convert-\(UUID().uuidString).log")
        try Data().write(to: log)
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-m", "tonearm_convert", "--out", cache.folder.path]
            + models.map { "\($0.role.rawValue)=\($0.graph.path)" }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        let replies = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = Dictionary(String(decoding: replies, as: UTF8.self).split(separator: "\n").compactMap { line in
            (try? JSONDecoder().decode(Reply.self, from: Data(line.utf8))).map { ($0.role, $0) }
        }, uniquingKeysWith: { $1 })
        let crash = "the converter exited with status \(process.terminationStatus): " + lastLine(of: log)
        return models.map { model in
            guard let reply = lines[model.role.rawValue] else { return Outcome(model: model, error: crash) }
            return Outcome(model: model, error: reply.ok ? nil : reply.error ?? "unknown error",
                           maxDifference: reply.maxAbsDifference, sharedFrontend: reply.sharedFrontend ?? false)
        }
    }

    private func lastLine(of log: URL) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").last.map(String.init) ?? "no output"
    }

    private struct Reply: Decodable {
        var role: String
        var ok: Bool
        var error: String?
        var maxAbsDifference: Double?
        var sharedFrontend: Bool?

        enum CodingKeys: String, CodingKey {
            case role, ok, error, maxAbsDifference = "max_abs_difference", sharedFrontend = "shared_frontend"
        }
    }
}
