import Foundation
import Models
import TestSupport

/// A folder laid out like the Essentia model site (`<folder>/<name>.pb`), linking to the shared fixtures,
/// served over real HTTP on 127.0.0.1 by `python3 -m http.server` on a port the kernel picks.
final class ModelSite {
    let root: URL
    let url: URL
    private let server: Process

    init() throws {
        root = try Fixtures.temporaryDirectory("tonearm-site")
        for file in ModelRole.allCases.flatMap(\.spec.files) {
            let source = Fixtures.models.appendingPathComponent(file.name)
            // The shared folder lacks the EffNet graph on purpose: the site answers 404 for it.
            guard FileManager.default.fileExists(atPath: source.path) else { continue }
            let served = root.appendingPathComponent(file.sitePath)
            try FileManager.default.createDirectory(at: served.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: served, withDestinationURL: source)
        }
        server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", root.path]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        // http.server prints its port only after the socket is bound and listening.
        let port = try Self.readPort(from: output.fileHandleForReading)
        url = URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Serves `bytes` in place of the official file.
    func replace(_ file: ModelFile, with bytes: Data) throws {
        let served = root.appendingPathComponent(file.sitePath)
        try FileManager.default.removeItem(at: served)
        try bytes.write(to: served)
    }

    func stop() {
        server.terminate()
        server.waitUntilExit()
        try? FileManager.default.removeItem(at: root)
    }

    private static func readPort(from handle: FileHandle) throws -> Int {
        var text = ""
        while !text.contains("\n") {
            let chunk = handle.availableData
            guard !chunk.isEmpty else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "http.server exited: \(text)"]) }
            text += String(decoding: chunk, as: UTF8.self)
        }
        // "Serving HTTP on 127.0.0.1 port 40123 (http://127.0.0.1:40123/) ..."
        guard let port = text.split(separator: " ").drop(while: { $0 != "port" }).dropFirst().first.flatMap({ Int($0) }) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no port in: \(text)"])
        }
        return port
    }
}
