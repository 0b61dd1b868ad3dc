import Analysis
import ArgumentParser
import Evaluation
import Foundation
import Models
import Playlists
import Report
import Similarity
import StoreLock
import TrackStore

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure descriptor accuracy against ground-truth labels.",
        discussion: """
            LABELS is a CSV with a header and any of the columns path, genre, bpm, key, scale (path relative to
            the CSV or absolute; key as C, C#/Db, …; scale major/minor). Labelled files not yet in the store
            are analyzed first. Writes summary.json, tracks.tsv and index.html to the output folder.
            Tempo: MIREX Accuracy1 (within 4 %) and Accuracy2 (also ×2, ×3, ×½, ×⅓). Key: exact accuracy and
            the MIREX weighted score (1 exact, 0.5 fifth above, 0.3 relative, 0.2 parallel), per profile and for
            the tracks where all three profiles agree. Genre: predicted parent genres per label and the share
            of each track's 10 nearest neighbours (per embedding) that carry its label.
            """
    )

    @Option(help: "The labels CSV.")
    var labels: String

    @OptionGroup var store: StoreOptions

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "eval"

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Worker processes for labelled files that still need analysis (default: number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let labelsURL = URL(fileURLWithPath: labels)
        guard FileManager.default.fileExists(atPath: labelsURL.path) else { throw UserError("no labels file at \(labels)") }
        var file = try LabelsFile(contentsOf: labelsURL)
        for index in file.labels.indices {
            file.labels[index].path = URL(fileURLWithPath: file.labels[index].path).resolvingSymlinksInPath().path
        }
        for warning in file.warnings { warn("\(labels): \(warning)") }
        var present: [TrackLabel] = []
        for label in file.labels {
            if FileManager.default.fileExists(atPath: label.path) {
                present.append(label)
            } else {
                warn("\(labels): \(label.path): no such file; row skipped")
            }
        }

        let trackStore = try TrackStore(path: store.absolutePath)
        try analyzeMissing(present.map(\.path), in: trackStore)

        let indexes = Dictionary(uniqueKeysWithValues: try EmbeddingKind.allCases.map { ($0, SimilarityIndex(embeddings: try trackStore.embeddings($0))) })
        let evaluator = Evaluator(styleLabels: try trackStore.styleLabels()) { kind, id, count in
            indexes[kind]?.nearest(to: id, count: count)?.map(\.trackId) ?? []
        }
        let evaluation = evaluator.evaluate(present, tracks: try trackStore.descriptors(states: [.analyzed, .failed]))
        let folder = URL(fileURLWithPath: output)
        try EvaluationWriter.write(evaluation, to: folder)
        evaluation.summaryLines.forEach { print($0) }
        print("written: \(folder.appendingPathComponent("index.html").path), summary.json, tracks.tsv")
    }

    /// Labelled files the store lacks (or has only in part) go through the same pipeline as analyze.
    private func analyzeMissing(_ paths: [String], in trackStore: TrackStore) throws {
        guard !paths.isEmpty else { return }
        let lock = try AnalysisLock(storePath: trackStore.path)
        defer { withExtendedLifetime(lock) {} }
        let launch = WorkerLaunch(python: try workerPython(nil), models: try modelOptions.locator.locateAll(), jobs: jobs,
                                  stderrPath: nil)
        let options = AnalyzeOptions(target: .files(paths), jobs: jobs, timeout: 120, retryFailed: false)
        let summary = try CollectionAnalyzer(store: trackStore, launch: launch, options: options).run()
        if summary.analyzed + summary.failed > 0 { SummaryPrinter.print(summary) }
    }
}
