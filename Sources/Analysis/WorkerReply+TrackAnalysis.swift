import Foundation
import TrackStore

extension WorkerReply {
    /// Turns a successful reply into store records stamped with each group's provenance.
    func trackAnalysis(trackId: Int64, provenance: [AnalysisGroup: String]) -> TrackAnalysis {
        var analysis = TrackAnalysis(trackId: trackId)
        if let audio {
            analysis.duration = audio.duration
            analysis.sampleRate = audio.sampleRate
            analysis.channels = audio.channels
            analysis.codec = audio.codec
            analysis.artist = audio.artist
            analysis.title = audio.title
            analysis.album = audio.album
            analysis.fromExcerpts = audio.excerpts
        }
        if let signal = groups?.signal, let stamp = provenance[.signal] {
            var keys: [KeyProfile: KeyEstimate] = [:]
            for profile in KeyProfile.allCases {
                if let key = signal.keys[profile.rawValue] { keys[profile] = key.estimate }
            }
            analysis.signal = SignalFeatures(trackId: trackId, bpm: signal.bpm, bpmConfidence: signal.bpmConfidence,
                                             keys: keys, loudnessLufs: signal.loudnessLufs,
                                             loudnessRangeLu: signal.loudnessRangeLu, provenance: stamp)
        }
        if let evidence = groups?.evidence, let stamp = provenance[.evidence] {
            analysis.evidence = EvidenceFeatures(
                trackId: trackId, danceabilityDsp: evidence.danceability,
                beatMedianBpm: evidence.beatMedianBpm,
                beatPeaks: evidence.beatPeaks.filter { $0.count == 2 }.map { (bpm: $0[0], weight: $0[1]) },
                tuningHz: evidence.tuningHz, keys: evidence.keys.mapValues(\.estimate), provenance: stamp)
        }
        if let tempo = groups?.tempocnn, let stamp = provenance[.tempoCNN] {
            analysis.tempoCNN = TempoCNNFeatures(trackId: trackId, bpm: tempo.bpm, localAgreement: tempo.localAgreement,
                                                 provenance: stamp)
        }
        if let effnet = groups?.effnet, let stamp = provenance[.effnet] {
            analysis.effnet = EffnetFeatures(trackId: trackId, embedding: effnet.embedding.values,
                                             styles: effnet.styles.values, voice: effnet.voice,
                                             danceability: effnet.danceability, provenance: stamp)
        }
        if let musicnn = groups?.musicnn, let stamp = provenance[.musicnn] {
            analysis.musicnn = MusicnnFeatures(trackId: trackId, embedding: musicnn.embedding.values,
                                               valence: musicnn.valence, arousal: musicnn.arousal, provenance: stamp)
        }
        if let tags = groups?.tags, let stamp = provenance[.tags] {
            analysis.tags = TrackTags(trackId: trackId, trackNumber: tags.trackNumber, discNumber: tags.discNumber, year: tags.year,
                                      genre: tags.genre, albumArtist: tags.albumArtist, bitrate: tags.bitrate,
                                      hasEmbeddedCover: tags.embeddedCover, provenance: stamp)
        }
        for (name, message) in errors ?? [:] {
            if let group = AnalysisGroup(rawValue: name) { analysis.groupErrors[group] = message }
        }
        return analysis
    }
}

extension WorkerReply.Signal.Key {
    var estimate: KeyEstimate { KeyEstimate(key: key, scale: scale, strength: strength) }
}
