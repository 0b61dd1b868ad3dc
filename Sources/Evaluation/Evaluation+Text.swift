import Foundation

extension Evaluation {
    /// The figures a person reads in the terminal.
    public var summaryLines: [String] {
        var lines = ["\(labelled) labelled tracks evaluated" + (notInStore.isEmpty ? "" : ", \(notInStore.count) not analyzable")]
        for (name, scores) in tempo.sorted(by: { $0.key < $1.key }) {
            lines.append("tempo \(name): Accuracy1 \(percent(scores.accuracy1)), Accuracy2 \(percent(scores.accuracy2)) over \(scores.tracks) tracks")
        }
        for (name, scores) in key.sorted(by: { $0.key < $1.key }) {
            let relations = KeyRelation.allCases.map { "\($0.rawValue) \(scores.relations[$0.rawValue] ?? 0)" }.joined(separator: ", ")
            lines.append("key \(name): accuracy \(percent(scores.accuracy)), MIREX weighted \(String(format: "%.3f", scores.weighted)) over \(scores.tracks) tracks (\(relations))")
        }
        if let genre {
            for (kind, precision) in genre.neighbourPrecision.sorted(by: { $0.key < $1.key }) {
                lines.append("genre neighbour precision by \(kind) (k = \(genre.neighbours)): \(percent(precision))")
            }
        }
        return lines
    }

    /// One row per labelled track: estimate next to label and the error class, to listen to failures.
    public var tracksTSV: String {
        let estimators = Set(tracks.flatMap(\.keys.keys))
        let profiles = ["temperley", "krumhansl", "edma"].filter(estimators.contains) + estimators.subtracting(
            ["temperley", "krumhansl", "edma", Evaluator.shownName]).sorted()
        var lines = [(["path", "label_bpm", "bpm", "tempo", "tempocnn_bpm", "tempocnn_tempo",
                       "shown_bpm", "shown_tempo", "shown_bpm_decided_by", "label_key", "shown_key", "shown_key_relation",
                       "shown_key_decided_by"]
            + profiles.flatMap { ["key_\($0)", "key_\($0)_relation"] } + ["label_genre", "top_style"]).joined(separator: "\t")]
        for row in tracks {
            let fields: [String?] = [row.path, number(row.labelBpm), number(row.bpm), row.tempoOutcome, number(row.tempoCNNBpm),
                                     row.tempoCNNOutcome, number(row.shownBpm),
                                     row.shownOutcome, row.shownBpmDecidedBy, row.labelKey, row.keys[Evaluator.shownName],
                                     row.keyRelations[Evaluator.shownName], row.shownKeyDecidedBy]
                + profiles.flatMap { [row.keys[$0], row.keyRelations[$0]] } + [row.labelGenre, row.predictedStyle]
            lines.append(fields.map { ($0 ?? "").replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func percent(_ share: Double) -> String {
        String(format: "%.1f %%", share * 100)
    }

    private func number(_ value: Double?) -> String? {
        value.map { String(format: "%.2f", $0) }
    }
}
