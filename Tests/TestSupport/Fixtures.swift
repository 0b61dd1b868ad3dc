import Foundation
import XCTest

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

extension Fixtures {
    /// A model folder with every shared model plus the Discogs-EffNet stand-in, as symlinks.
    /// The stand-in is for exercising the EffNet code path only; its outputs mean nothing musically.
    public static func modelsWithStandin(in folder: URL) throws -> URL {
        let target = folder.appendingPathComponent("models")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let files = try FileManager.default.contentsOfDirectory(at: models, includingPropertiesForKeys: nil)
            + [modelsStandin.appendingPathComponent("discogs-effnet-bs64-1.pb")]
        for file in files where ["pb", "json"].contains(file.pathExtension) {
            try FileManager.default.createSymbolicLink(at: target.appendingPathComponent(file.lastPathComponent),
                                                       withDestinationURL: file)
        }
        return target
    }

    /// The good (non-`bad/`) audio files of the shared set.
    public static func goodAudioFiles() throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: audio, includingPropertiesForKeys: nil)!
        return enumerator.compactMap { $0 as? URL }
            .filter { ["mp3", "ogg", "flac", "wav", "m4a"].contains($0.pathExtension) && !$0.path.contains("/bad/") }
            .sorted { $0.path < $1.path }
    }
}

/// Copies some of the good shared audio files, by file name, into a new folder.
public func copyAudio(_ names: [String], to folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let files = try Fixtures.goodAudioFiles()
    for name in names {
        let source = try XCTUnwrap(files.first { $0.lastPathComponent == name }, "\(name) is not in the shared audio")
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name))
    }
}

/// How many requests the analysis engine answered, from an `analyze --stats-json` summary.
public func workerRequests(_ summary: [String: Any]) -> Int {
    (summary["workers"] as? [String: Any])?["requests"] as? Int ?? -1
}
