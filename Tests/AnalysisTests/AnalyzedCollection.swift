import Foundation
import TestSupport
import TrackStore
import XCTest

/// A copy of the shared audio analyzed once per test process (with the EffNet stand-in, both backbones on
/// ONNX Runtime from verified conversions), shared by the tests that only read it.
enum AnalyzedCollection {
    struct Built {
        var folder: URL
        var models: URL
        var store: TrackStore
        var run: TonearmCLI.Result
        var conversion: TonearmCLI.Result
    }

    static let shared: Result<Built, Error> = Result {
        let folder = try BundleScopedDirectories.make("tonearm-collection")
        let audio = folder.appendingPathComponent("audio")
        try FileManager.default.copyItem(at: Fixtures.audio, to: audio)
        let models = try Fixtures.modelsWithStandin(in: folder)
        let db = folder.appendingPathComponent("store.sqlite").path
        let cache = ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path]
        let conversion = try TonearmCLI.run(["models", "convert", "--models", models.path], environment: cache)
        let run = try TonearmCLI.run(["analyze", audio.path, "--db", db, "--models", models.path, "--jobs", "2"],
                                     environment: cache)
        return Built(folder: audio, models: models, store: try TrackStore(path: db), run: run, conversion: conversion)
    }

    static func get() throws -> Built {
        try shared.get()
    }
}

/// Runs tonearm analyze on a folder and returns the summary it wrote with --stats-json.
func analyze(_ folder: URL, db: String, models: URL, extra: [String] = []) throws -> (TonearmCLI.Result, [String: Any]) {
    let stats = URL(fileURLWithPath: db + ".stats.json")
    let result = try TonearmCLI.run(["analyze", folder.path, "--db", db, "--models", models.path,
                                     "--stats-json", stats.path] + extra)
    XCTAssertEqual(result.status, 0, result.stderr)
    let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: stats)) as? [String: Any] ?? [:]
    return (result, summary)
}

/// The worker processes of a tonearm run. Workers are spawned from the pool's threads, so every thread's
/// children list is read.
func children(of pid: pid_t) -> [pid_t] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
    return tasks.flatMap { task -> [pid_t] in
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}

/// A model folder with no model: only the `signal` group runs, and workers start in a moment. For tests
/// about the run itself, not the descriptors.
func noModels(in directory: URL) throws -> URL {
    let folder = directory.appendingPathComponent("no-models")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
