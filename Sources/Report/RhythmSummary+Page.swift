extension RhythmSummary {
    /// Low-confidence tracks listed by name; the export has them all.
    static let listedTracks = 50

    func section() -> ReportSection {
        var section = ReportSection(id: "rhythm", title: "2. How fast and danceable?")
        var body: [String] = []
        if tempoTracks > 0 {
            let chart = ChartSpec.histogram(id: "chart-tempo", title: "Tempo (shown: fused)",
                                            xTitle: "Tempo (BPM)", histogram: tempo, color: Palette.blue)
            section.charts.append(chart)
            body.append("""
                <p>Median tempo \(HTML.figure("median-bpm", Format.decimal(medianBpm))) BPM over
                \(HTML.figure("tempo-tracks", "\(tempoTracks)")) tracks\(noBeat > 0
                    ? "; no beat found (0 BPM, left out): \(HTML.tracks("no-beat", noBeat))" : "").
                This is the tempo tonearm shows everywhere: RhythmExtractor2013 and TempoCNN
                fused with an explicit choice of metrical level (docs/tempo-and-key.md). It is not
                RhythmExtractor2013's own tempo on \(HTML.tracks("tempo-fused-elsewhere", fusedElsewhere)); every raw
                estimate is in <code>tonearm export</code>.</p>
                \(HTML.chart(chart))
                \(tempoCNNAgreement())
                \(lowConfidenceList())
                """)
        } else {
            body.append(ReportSection.noData("a tempo estimate"))
        }
        if danceabilityTracks > 0 {
            let chart = ChartSpec.histogram(id: "chart-danceability", title: "Danceability",
                                            xTitle: "Danceability (0–1)",
                                            histogram: danceability, color: Palette.bluishGreen)
            section.charts.append(chart)
            body.append("""
                \(HTML.chart(chart))
                <p>\(HTML.figure("danceable", "\(danceable)")) of \(danceabilityTracks) tracks
                (\(Format.percent(danceable, of: danceabilityTracks))) are danceable: probability ≥
                \(Format.decimal(Self.danceableThreshold)), the EffNet head's own two-class decision. The value is
                the EffNet danceability head's probability where the EffNet group is stored, else Essentia's DSP
                Danceability (0–3) divided by 3: the latter on \(HTML.tracks("danceability-dsp", danceabilityFromDSP)).</p>
                """)
        } else {
            body.append(ReportSection.noData("a danceability estimate"))
        }
        section.body = body.joined(separator: "\n")
        return section
    }

    private func tempoCNNAgreement() -> String {
        guard tempoCNN.compared > 0 else {
            return "<p>No track has a TempoCNN estimate to compare with.</p>"
        }
        let tolerance = Format.decimal(100 * Self.tempoTolerance, digits: 0)
        return """
            <p>TempoCNN (deeptemp-k16-3) against RhythmExtractor2013 on \(HTML.tracks("tempo-compared", tempoCNN.compared)):
            same tempo within \(tolerance) % on \(HTML.figure("tempo-same", Format.percent(tempoCNN.same, of: tempoCNN.compared))),
            at double or half tempo (an octave apart, within \(tolerance) %) on
            \(HTML.figure("tempo-octave", Format.percent(tempoCNN.octave, of: tempoCNN.compared))),
            different on \(HTML.figure("tempo-differ", Format.percent(tempoCNN.differ, of: tempoCNN.compared))).
            The histogram shows the fused tempo.</p>
            """
    }

    private func lowConfidenceList() -> String {
        let summary = """
            <p>Low tempo confidence (RhythmExtractor2013 confidence below \(Format.decimal(Self.lowConfidence)) on its
            0–5.32 scale, so the tempo is a guess): \(HTML.tracks("low-confidence", lowConfidenceTracks.count)).</p>
            """
        guard !lowConfidenceTracks.isEmpty else { return summary }
        let rows = lowConfidenceTracks.prefix(Self.listedTracks).map { entry in
            [HTML.escape(entry.track.displayName), Format.decimal(entry.bpm), Format.decimal(entry.confidence, digits: 2)]
        }
        let more = lowConfidenceTracks.count - rows.count
        return summary + HTML.table(["Track", "Tempo (BPM)", "Confidence"], rows, id: "low-confidence-tracks")
            + (more > 0 ? "<p>and \(more) more (see <code>tonearm export</code>).</p>" : "")
    }
}
