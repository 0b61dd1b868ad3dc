import TrackStore

extension Observations {
    func section() -> ReportSection {
        let items = [genreSentence, tempoSentence, keySentence, loudnessSentence, emotionSentence, voiceSentence]
            .map { "<li id=\"\($0.id)\"\($0.missing ? " class=\"missing\"" : "")>\($0.html)</li>" }
        let body = """
            <ul class="observations">
            \(items.joined(separator: "\n"))
            </ul>
            """
        return ReportSection(id: "observations", title: "Observations", body: body)
    }

    private typealias Sentence = (id: String, html: String, missing: Bool)

    private func missing(_ id: String, _ topic: String, _ what: String, _ unknown: String) -> Sentence {
        (id, "<strong>\(topic):</strong> no track has \(HTML.escape(what)), so \(unknown) is not known.", true)
    }

    private var genreSentence: Sentence {
        guard let genres else { return missing("obs-styles", "Styles", "Discogs-EffNet style activations", "genre diversity") }
        return ("obs-styles", """
            <strong>Styles:</strong> \(HTML.figure("obs-genres-covering", "\(genres.coveringMost)")) of the
            \(HTML.figure("obs-genres-present", "\(genres.present)")) parent genres present hold
            \(Self.genreCoveragePercent) % of the \(HTML.figure("obs-genre-tracks", "\(genres.tracks)")) tracks (each counted under
            its top-1 style); the Shannon entropy of their shares is \(HTML.figure("obs-genre-entropy",
            Format.decimal(genres.entropy, digits: 2))) nats, as diverse as
            \(HTML.figure("obs-effective-genres", Format.decimal(genres.effectiveNumber))) equally common genres.
            """, false)
    }

    private var tempoSentence: Sentence {
        guard let tempo else { return missing("obs-tempo", "Tempo", "a tempo estimate", "the tempo spread") }
        return ("obs-tempo", """
            <strong>Tempo:</strong> the median is \(HTML.figure("obs-median-bpm", Format.decimal(tempo.median))) BPM and
            the middle half of the \(HTML.figure("obs-tempo-tracks", "\(tempo.tracks)")) tracks with a beat lies between
            \(HTML.figure("obs-bpm-q1", Format.decimal(tempo.lowerQuartile))) and
            \(HTML.figure("obs-bpm-q3", Format.decimal(tempo.upperQuartile))) BPM (interquartile range
            \(HTML.figure("obs-bpm-iqr", Format.decimal(tempo.interquartileRange))) BPM; the shown tempo, fused from all estimators).
            """, false)
    }

    private var keySentence: Sentence {
        guard let keys else { return missing("obs-keys", "Keys", "a key estimate", "the key coverage") }
        let most = keys.mostCommon.map(\.name).joined(separator: ", ")
        return ("obs-keys", """
            <strong>Keys:</strong> \(HTML.figure("obs-keys-present", "\(keys.present)")) of the 24 keys occur under the
            \(HTML.figure("obs-key-profile", keys.profile.rawValue)) profile (the one this report recommends showing);
            the most common \(keys.mostCommon.count > 1 ? "are" : "is") \(HTML.figure("obs-key-most-common", most)), on
            \(HTML.figure("obs-key-most-common-tracks", "\(keys.mostCommonTracks)"))\(keys.mostCommon.count > 1 ? " each" : "")
            of the \(HTML.figure("obs-key-tracks", "\(keys.tracks)")) tracks
            (\(Format.percent(keys.mostCommonTracks, of: keys.tracks))).
            """, false)
    }

    private var loudnessSentence: Sentence {
        guard let loudness else { return missing("obs-loudness", "Loudness", "a loudness measurement", "the loudness spread") }
        return ("obs-loudness", """
            <strong>Loudness:</strong> \(HTML.figure("obs-louder", Format.percent(loudness.louder, of: loudness.tracks))) of
            the \(HTML.figure("obs-loudness-tracks", "\(loudness.tracks)")) measured tracks are louder than
            \(Format.lufs(Self.loudLufs)) (heavily limited masters) and
            \(HTML.figure("obs-quieter", Format.percent(loudness.quieter, of: loudness.tracks))) quieter than
            \(Format.lufs(Self.quietLufs)) (below the broadcast target).
            """, false)
    }

    private var emotionSentence: Sentence {
        guard let emotion else { return missing("obs-emotion", "Emotion", "arousal and valence estimates", "the mood balance") }
        let shares = EmotionSummary.Quadrant.allCases.map { quadrant in
            HTML.figure("obs-quadrant-\(quadrant.rawValue)", Format.percent(emotion.counts[quadrant] ?? 0, of: emotion.tracks))
                + " \(HTML.escape(quadrant.title))"
        }
        return ("obs-emotion", """
            <strong>Emotion:</strong> split at \(Format.decimal(EmotionSummary.midpoint)), the neutral middle of emomusic's
            1–9 rating scale, the \(HTML.figure("obs-emotion-tracks", "\(emotion.tracks)")) tracks are
            \(shares.joined(separator: ", ")).
            """, false)
    }

    private var voiceSentence: Sentence {
        guard let voice else { return missing("obs-voice", "Voice", "a voice/instrumental estimate", "the vocal share") }
        return ("obs-voice", """
            <strong>Voice:</strong> \(HTML.figure("obs-vocal", Format.percent(voice.vocal, of: voice.tracks))) of the
            \(HTML.figure("obs-voice-tracks", "\(voice.tracks)")) tracks are vocal (P(voice) ≥
            \(Format.decimal(VoiceSummary.threshold))).
            """, false)
    }
}
