import Evaluation
import Foundation

/// `tonearm evaluate`'s page: tempo, key and genre scores with the charts that show where errors are.
struct EvaluationPage {
    var evaluation: Evaluation
    var generatedAt: Date
    var assets: ReportAssets

    static let relationColors: [KeyRelation: String] = [
        .exact: Palette.bluishGreen, .fifth: Palette.skyBlue, .relative: Palette.yellow,
        .parallel: Palette.orange, .other: Palette.vermillion,
    ]

    func html() throws -> String {
        let sections = [tempoSection(), keySection(), genreSection()]
        let header = """
            <header>
            <h1>tonearm evaluation</h1>
            <p>\(HTML.tracks("labelled", evaluation.labelled)) with labels and descriptors, written \
            \(HTML.escape(Format.date(generatedAt))). Per-track estimates, labels and error classes: \
            <a href="tracks.tsv">tracks.tsv</a>; every figure: <a href="summary.json">summary.json</a>.</p>
            </header>
            """
        return try ChartedPage(title: "tonearm evaluation", header: header, content: sections.map(\.html).joined(separator: "\n"),
                               charts: sections.flatMap(\.charts), assets: assets).html()
    }

    private func tempoSection() -> ReportSection {
        let rows = evaluation.tempo.sorted { $0.key < $1.key }.map { name, scores in
            let id = Self.figureId(name)
            return [HTML.escape(name), HTML.figure("tempo-\(id)-tracks", "\(scores.tracks)"),
                    HTML.figure("tempo-\(id)-acc1", String(format: "%.1f %%", scores.accuracy1 * 100)),
                    HTML.figure("tempo-\(id)-acc2", String(format: "%.1f %%", scores.accuracy2 * 100))]
        }
        return ReportSection(id: "tempo", title: "Tempo", trackCount: rows.count, missing: "both a tempo label and an estimate") {
            let estimators: [(String, String, (Evaluation.TrackRow) -> Double?)] = [
                ("RhythmExtractor2013", Palette.blue, \.bpm), ("TempoCNN", Palette.orange, \.tempoCNNBpm),
                ("Shown (fused)", Palette.bluishGreen, \.shownBpm),
            ]
            let pairs = evaluation.tracks.compactMap { row in row.labelBpm.map { (row, $0) } }
            let top = (pairs.flatMap { row, label in [label] + estimators.compactMap { $0.2(row) } }.max() ?? 200) * 1.1
            let chart = ChartSpec(
                id: "chart-tempo", kind: .scatter, title: "Estimated vs labelled tempo", xTitle: "Labelled tempo (BPM)",
                yTitle: "Estimated tempo (BPM)", range: ChartSpec.AxisRange(min: 0, max: top.rounded(.up)),
                datasets: estimators.map { name, color, estimate in
                    ChartSpec.Dataset(label: name, color: color, points: pairs.compactMap { row, label in
                        estimate(row).map { ChartSpec.Point(x: label, y: $0, name: (row.path as NSString).lastPathComponent) }
                    })
                })
            let body = """
                <p>Accuracy1: estimate within 4 % of the label. Accuracy2: also counting ×2, ×3, ×½ and ×⅓ of the
                label (the MIREX definitions). Points off the diagonal are errors; octave errors sit at half or
                twice the label.</p>
                \(HTML.table(["Estimator", "Tracks", "Accuracy1", "Accuracy2"], rows, id: "tempo-scores"))
                \(HTML.chart(chart))
                """
            return (body, [chart])
        }
    }

    /// "shown (fused)" → "shown-fused": figure names stay attribute- and selector-friendly.
    static func figureId(_ name: String) -> String {
        name.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.joined(separator: "-")
    }

    private func keySection() -> ReportSection {
        let ordered = evaluation.key.sorted { $0.key < $1.key }
        let rows = ordered.map { name, scores in
            let id = Self.figureId(name.replacingOccurrences(of: ", all three agree", with: " agree"))
            return [HTML.escape(name), HTML.figure("key-\(id)-tracks", "\(scores.tracks)"),
                    HTML.figure("key-\(id)-accuracy", String(format: "%.1f %%", scores.accuracy * 100)),
                    HTML.figure("key-\(id)-weighted", String(format: "%.3f", scores.weighted))]
                + KeyRelation.allCases.map { "\(scores.relations[$0.rawValue] ?? 0)" }
        }
        return ReportSection(id: "key", title: "Key", trackCount: rows.count, missing: "both a key label and a key estimate") {
            let chart = ChartSpec(
                id: "chart-key", kind: .bar, title: "Key estimates by relation to the label", xTitle: "Profile",
                yTitle: "Tracks", categories: ordered.map(\.key), stacked: true,
                datasets: KeyRelation.allCases.map { relation in
                    ChartSpec.Dataset(label: relation.rawValue, color: Self.relationColors[relation]!,
                                      values: ordered.map { Double($0.value.relations[relation.rawValue] ?? 0) })
                })
            let body = """
                <p>MIREX weighted score: 1 for the exact key, 0.5 for the fifth above, 0.3 for the relative and 0.2 for
                the parallel key, 0 otherwise (as mir_eval computes it). The three profiles agree on
                \(HTML.tracks("key-agreeing", evaluation.agreeingTracks)) with a key label; their rows show how much
                agreement is worth as a confidence signal.</p>
                \(HTML.table(["Profile", "Tracks", "Accuracy", "Weighted"] + KeyRelation.allCases.map(\.rawValue), rows, id: "key-scores"))
                \(HTML.chart(chart))
                """
            return (body, [chart])
        }
    }

    private func genreSection() -> ReportSection {
        let genre = evaluation.genre
        return ReportSection(id: "genre", title: "Genre", trackCount: genre == nil ? 0 : 1, missing: "a genre label") {
            let genre = genre!
            let labels = genre.predictedParents.keys.sorted()
            let parents = Set(genre.predictedParents.values.flatMap(\.keys)).sorted()
            let colors = [Palette.blue, Palette.orange, Palette.bluishGreen, Palette.reddishPurple, Palette.skyBlue,
                          Palette.vermillion, Palette.yellow, Palette.black]
            let chart = ChartSpec(
                id: "chart-genre", kind: .horizontalBar, title: "Predicted parent genre (top-1 style) per label",
                xTitle: "Tracks", yTitle: "Label", categories: labels, stacked: true,
                datasets: parents.enumerated().map { index, parent in
                    ChartSpec.Dataset(label: parent, color: colors[index % colors.count],
                                      values: labels.map { Double(genre.predictedParents[$0]?[parent] ?? 0) })
                }, height: max(240, 60 + 40 * labels.count))
            let precision = genre.neighbourPrecision.sorted { $0.key < $1.key }.map {
                [HTML.escape($0.key), HTML.figure("genre-precision-\($0.key)", String(format: "%.1f %%", $0.value * 100))]
            }
            let body = """
                <p>Nearest-neighbour genre precision: for each labelled track, the share of its \(genre.neighbours) most
                similar tracks (cosine over the mean embedding) that carry its label, averaged. Higher means the
                embedding groups the labels better.</p>
                \(HTML.table(["Embedding", "Precision"], precision, id: "genre-precision"))
                \(HTML.chart(chart))
                """
            return (body, [chart])
        }
    }
}

/// Writes `tonearm evaluate`'s folder: `summary.json`, `tracks.tsv` and `index.html`.
public enum EvaluationWriter {
    public static func write(_ evaluation: Evaluation, to directory: URL, generatedAt: Date = Date(),
                             chartLibraryPath: String = ReportWriter.chartLibraryPath) throws {
        let assets = try ReportAssets(chartLibraryPath: chartLibraryPath)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(evaluation).write(to: directory.appendingPathComponent("summary.json"))
        try evaluation.tracksTSV.write(to: directory.appendingPathComponent("tracks.tsv"), atomically: true, encoding: .utf8)
        try EvaluationPage(evaluation: evaluation, generatedAt: generatedAt, assets: assets).html()
            .write(to: directory.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
    }
}
