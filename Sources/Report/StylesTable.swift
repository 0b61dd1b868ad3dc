/// `styles.tsv`: every style with its counts, most frequent first, like the genre tables of MTG-Jamendo.
enum StylesTable {
    static func tsv(_ summary: StyleSummary) -> String {
        let header = "style\tparent_genre\ttracks_top1\ttracks_above_threshold\tmean_activation\n"
        return header + summary.styles.map { style in
            [style.label.full, style.label.genre, "\(style.tracksTop1)", "\(style.tracksAboveThreshold)",
             String(format: "%.6f", style.meanActivation)].joined(separator: "\t") + "\n"
        }.joined()
    }
}
