extension VoiceSummary {
    func section() -> ReportSection {
        ReportSection(id: "voice", title: "6. Vocal or instrumental?",
                      trackCount: trackCount, missing: "a voice/instrumental estimate") {
            let chart = ChartSpec(
                id: "chart-voice", kind: .horizontalBar, title: "Vocal and instrumental tracks by parent genre",
                xTitle: "Tracks", yTitle: "Parent genre of the top-1 style", categories: genres.map(\.genre),
                stacked: true,
                datasets: [ChartSpec.Dataset(label: "Vocal", color: Palette.vermillion, values: genres.map { Double($0.vocal) }),
                           ChartSpec.Dataset(label: "Instrumental", color: Palette.skyBlue,
                                             values: genres.map { Double($0.instrumental) })],
                height: 120 + 28 * genres.count)
            let body = """
                <p>A track is vocal when the voice/instrumental head gives P(voice) ≥ \(Format.decimal(Self.threshold))
                (its own two-class decision), instrumental otherwise.
                Vocal: \(HTML.tracks("vocal", vocal)) (\(Format.percent(vocal, of: trackCount))),
                instrumental: \(HTML.tracks("instrumental", instrumental))
                (\(Format.percent(instrumental, of: trackCount))).</p>
                \(HTML.chart(chart))
                """
            return (body, [chart])
        }
    }
}
