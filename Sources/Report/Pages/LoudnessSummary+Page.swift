extension LoudnessSummary {
    func section() -> ReportSection {
        ReportSection(id: "loudness", title: "4. Loudness",
                      trackCount: trackCount - silent, missing: "a loudness measurement") {
            let loudnessChart = ChartSpec.histogram(
                id: "chart-loudness", title: "Integrated loudness (EBU R128)", xTitle: "Integrated loudness (LUFS)",
                histogram: loudness, color: Palette.blue, height: 420,
                referenceLines: Self.targets.map { ChartSpec.ReferenceLine(value: $0.lufs, label: $0.label) })
            let rangeChart = ChartSpec.histogram(id: "chart-loudness-range", title: "Loudness range (EBU R128 LRA)",
                                                 xTitle: "Loudness range (LU)", histogram: loudnessRange,
                                                 color: Palette.reddishPurple)
            let measured = trackCount - silent
            let body = """
                <p>Median integrated loudness \(HTML.figure("median-lufs", Format.decimal(medianLufs))) LUFS over
                \(HTML.figure("loudness-tracks", "\(measured)")) tracks;
                \(HTML.figure("louder-than-streaming", "\(louderThanStreaming)")) of them
                (\(Format.percent(louderThanStreaming, of: measured))) are louder than −14 LUFS and will be turned down
                by streaming normalization. Digital silence, where loudness is undefined:
                \(HTML.tracks("silent", silent)).</p>
                \(HTML.chart(loudnessChart))
                <p>Dashed lines: \(HTML.escape(Self.targets.map { "\($0.label) (\($0.use))" }.joined(separator: "; "))).</p>
                <p>Median loudness range \(HTML.figure("median-lra", Format.decimal(medianRangeLu))) LU: small values mean
                heavily compressed dynamics, large ones (above about 15 LU) wide dynamics as in classical music or film.</p>
                \(HTML.chart(rangeChart))
                """
            return (body, [loudnessChart, rangeChart])
        }
    }
}
