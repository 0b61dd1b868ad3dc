extension StyleSummary {
    /// How many styles the chart and table show; `styles.tsv` has all of them.
    static let shownStyles = 20

    func section() -> ReportSection {
        ReportSection(id: "styles", title: "1. Which styles are present?",
                      trackCount: trackCount, missing: "Discogs-EffNet style activations") {
            let threshold = Format.decimal(Double(Self.threshold))
            let present = genres.filter { $0.tracksTop1 + $0.tracksAboveThreshold > 0 }
            let genreChart = ChartSpec(
                id: "chart-genres", kind: .horizontalBar, title: "Parent genres (Discogs)", xTitle: "Tracks",
                yTitle: "Parent genre", categories: present.map(\.genre),
                datasets: datasets(top1: present.map(\.tracksTop1), above: present.map(\.tracksAboveThreshold)),
                height: 120 + 28 * present.count)
            let shown = styles.prefix(Self.shownStyles).filter { $0.tracksTop1 + $0.tracksAboveThreshold > 0 }
            let styleChart = ChartSpec(
                id: "chart-styles", kind: .horizontalBar, title: "Top \(shown.count) styles", xTitle: "Tracks",
                yTitle: "Style (parent genre)", categories: shown.map { "\($0.label.style) (\($0.label.genre))" },
                datasets: datasets(top1: shown.map(\.tracksTop1), above: shown.map(\.tracksAboveThreshold)),
                height: 120 + 28 * shown.count)
            let rows = shown.map { style in
                [HTML.escape(style.label.style), HTML.escape(style.label.genre), "\(style.tracksTop1)",
                 "\(style.tracksAboveThreshold)", Format.decimal(style.meanActivation, digits: 3)]
            }
            let body = """
                <p>Each of the \(HTML.figure("style-tracks", "\(trackCount)")) tracks with style activations is counted
                twice: under its <strong>top-1</strong> style (the strongest of the 400 Discogs styles: one style per
                track) and under <strong>every style with activation ≥ \(threshold)</strong> (multi-label). The style
                head scores each style independently and most styles are rare in its training data, so activations are
                small: 0.5 would leave most tracks without any style, while \(threshold) keeps the one to few styles a
                Discogs release usually lists. Here a track passes \(HTML.figure("styles-per-track",
                Format.decimal(meanStylesAboveThreshold))) styles on average, and
                \(HTML.tracks("tracks-without-style", tracksWithNoStyleAboveThreshold)) pass none.</p>
                \(HTML.chart(genreChart))
                \(HTML.chart(styleChart))
                \(HTML.table(["Style", "Parent genre", "Tracks (top-1)", "Tracks (≥ \(threshold))", "Mean activation"],
                             rows, id: "top-styles"))
                <p>All 400 styles, sorted the same way: <a href="styles.tsv">styles.tsv</a>.</p>
                """
            return (body, [genreChart, styleChart])
        }
    }

    private func datasets(top1: [Int], above: [Int]) -> [ChartSpec.Dataset] {
        [ChartSpec.Dataset(label: "Top-1 style", color: Palette.blue, values: top1.map(Double.init)),
         ChartSpec.Dataset(label: "Any style ≥ \(Format.decimal(Double(Self.threshold)))", color: Palette.orange,
                           values: above.map(Double.init))]
    }
}
