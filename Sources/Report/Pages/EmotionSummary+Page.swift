extension EmotionSummary {
    func section() -> ReportSection {
        ReportSection(id: "emotion", title: "5. Emotion",
                      trackCount: points.count, missing: "arousal and valence estimates") {
            // Labels sit in the corners, away from the midlines where the points crowd.
            let corners: [Quadrant: (x: Double, y: Double)] = [.excited: (7.6, 8.7), .tense: (2.4, 8.7),
                                                               .sad: (2.4, 1.3), .calm: (7.6, 1.3)]
            let chart = ChartSpec(
                id: "chart-emotion", kind: .scatter, title: "Arousal × valence (emomusic, MSD-MusiCNN)",
                xTitle: "Valence (1 negative – 9 positive)", yTitle: "Arousal (1 calm – 9 energetic)",
                range: axisRange,
                datasets: [ChartSpec.Dataset(label: "Tracks", color: Palette.blue, points: points.map {
                    ChartSpec.Point(x: $0.valence, y: $0.arousal, name: $0.track.displayName)
                })],
                referenceLines: [ChartSpec.ReferenceLine(value: Self.midpoint, label: "")],
                annotations: Quadrant.allCases.map {
                    ChartSpec.Annotation(x: corners[$0]!.x, y: corners[$0]!.y, text: $0.title)
                }, height: 680, maxWidth: 720)
            let rows = Quadrant.allCases.map { quadrant in
                [HTML.escape(quadrant.title), HTML.escape(quadrant.description),
                 HTML.figure("quadrant-\(quadrant.rawValue)", "\(quadrants[quadrant] ?? 0)"),
                 Format.percent(quadrants[quadrant] ?? 0, of: points.count)]
            }
            let body = """
                <p>Each point is one of \(HTML.figure("emotion-tracks", "\(points.count)")) tracks; the lines at
                \(Format.decimal(Self.midpoint)) split the plane into quadrants (points on a line count on its higher side).</p>
                \(HTML.chart(chart))
                \(HTML.table(["Quadrant", "Meaning", "Tracks", "Share"], rows, id: "emotion-quadrants"))
                """
            return (body, [chart])
        }
    }

    /// The rating scale 1–9, widened to whole numbers when a regressor's output leaves it (the heads are
    /// not clipped), so every track stays in view.
    var axisRange: ChartSpec.AxisRange {
        let values = points.flatMap { [$0.valence, $0.arousal] }
        return ChartSpec.AxisRange(min: min(1, (values.min() ?? 1).rounded(.down)),
                                   max: max(9, (values.max() ?? 9).rounded(.up)))
    }
}
