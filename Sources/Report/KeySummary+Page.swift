import TrackStore

extension KeySummary {
    static let profileColors: [KeyProfile: String] = [
        .temperley: Palette.blue, .krumhansl: Palette.orange, .edma: Palette.bluishGreen,
    ]

    func section() -> ReportSection {
        ReportSection(id: "keys", title: "3. Which keys and scales?",
                      trackCount: trackCount, missing: "key estimates") {
            let chart = ChartSpec(
                id: "chart-keys", kind: .bar, title: "Key × scale per profile", xTitle: "Key and scale",
                yTitle: "Tracks", categories: KeyClass.all.map(\.name),
                datasets: KeyProfile.allCases.map { profile in
                    ChartSpec.Dataset(label: profile.rawValue, color: Self.profileColors[profile]!,
                                      values: distributions[profile]!.map(Double.init))
                }, height: 420)
            let agreementRows = [["All three", HTML.figure("keys-all-agree", Format.percent(allAgree, of: trackCount))]]
                + ProfilePair.all.map { pair in
                    [HTML.escape(pair.name), HTML.figure("keys-\(pair.first.rawValue)-\(pair.second.rawValue)",
                                                         Format.percent(pairAgree[pair]!, of: trackCount))]
                }
            let withoutKey = KeyProfile.allCases.filter { unrecognized[$0]! > 0 }
                .map { "\($0.rawValue): \(unrecognized[$0]!)" }
            let body = """
                <p>Essentia's Key algorithm with three profiles on \(HTML.figure("key-tracks", "\(trackCount)")) tracks:
                temperley (Temperley 2005, from classical and pop corpora), krumhansl (Krumhansl 1990, probe-tone
                ratings) and edma (Faraldo 2016, built for electronic dance music). Enharmonic spellings count as one
                key.</p>
                \(HTML.chart(chart))
                \(withoutKey.isEmpty ? "" : "<p>Tracks without a recognizable key: \(HTML.escape(withoutKey.joined(separator: ", "))).</p>")
                \(HTML.table(["Profiles agreeing on key and scale", "Tracks"], agreementRows, id: "key-agreement"))
                \(recommendationParagraph())
                """
            return (body, [chart])
        }
    }

    private func recommendationParagraph() -> String {
        guard let recommendation else { return "" }
        let shares = KeyProfile.allCases.map {
            "\($0.rawValue) \(Format.percent(recommendation.inMajority[$0]!, of: trackCount))"
        }.joined(separator: ", ")
        let chosen = recommendation.profile.rawValue
        let tie = recommendation.isTie ? " It ties with another profile; \(chosen) comes first in the documented order." : ""
        let weak = allAgree * 2 < trackCount
            ? " The three profiles agree on fewer than half the tracks, so show the key as an estimate, not a fact." : ""
        return """
            <p class="recommendation">Among the three profiles, the \
            <strong>\(HTML.figure("key-recommendation", chosen))</strong> key is the one to compare with. Share of tracks on
            which each profile agrees with at least one of the other two: \(HTML.escape(shares)). When the profiles
            disagree, \(chosen) is most often on the majority side, so it is the estimate least likely to be the odd one
            out.\(tie)\(weak)</p>
            \(shownParagraph(chosen))
            """
    }

    /// What users see instead, and what `tonearm evaluate` found about it.
    private func shownParagraph(_ chosen: String) -> String {
        guard shownTracks > 0 else { return "" }
        return """
            <p class="shown-key">What tonearm shows users (playlists, web, export's <code>shown_key</code>) is the
            <strong>shown key</strong>: a strength-weighted vote of five 12-bin profiles
            (docs/tempo-and-key.md). It is \(chosen)'s key on
            \(HTML.figure("key-shown-is-recommended", Format.percent(shownIsRecommended, of: shownTracks))) of the
            \(HTML.tracks("key-shown-tracks", shownTracks)) with one. What <code>tonearm evaluate</code> found: on the
            exact synthetic set every profile and the shown key are exact; on the harder synthetic set (modal mixture,
            modulation, tuning off 440 Hz) the shown key scores as well as the best profile and better than edma;
            on
            real music (a held-out GTZAN-like set) stock temperley, krumhansl and edma scored MIREX 0.57, 0.64 and
            0.64, and about 0.75 where all three agree.</p>
            """
    }
}
