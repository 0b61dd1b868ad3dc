import Foundation

/// Paths of the shared fixtures (`../shared` beside the repo) and throwaway folders for tests.
public enum Fixtures {
    public static let repoRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `TONEARM_SHARED` if set, else `../shared` next to the repository.
    public static let shared: URL = {
        if let path = ProcessInfo.processInfo.environment["TONEARM_SHARED"] { return URL(fileURLWithPath: path) }
        return repoRoot.deletingLastPathComponent().appendingPathComponent("shared").standardizedFileURL
    }()

    public static var audio: URL { shared.appendingPathComponent("audio") }
    public static var models: URL { shared.appendingPathComponent("models") }
    public static var modelsStandin: URL { shared.appendingPathComponent("models-standin") }

    /// A new empty directory under the system temp folder; the test removes it.
    public static func temporaryDirectory(_ label: String = "tonearm-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
