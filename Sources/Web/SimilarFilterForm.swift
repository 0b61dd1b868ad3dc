import Playlists
import TrackStore

/// The filter fields of the similar page, filled from its query: the playlist page's descriptor filters.
struct SimilarFilterForm {
    let style: String
    let bpm: String
    let dance: String
    let arousal: String
    let valence: String
    let loudness: String
    let voiceOptions: [FormOption]
    let keyOptions: [FormOption]
    let scaleOptions: [FormOption]
    let active: Bool

    init(_ filter: PlaylistQuery) {
        style = filter.styles.first ?? ""
        bpm = filter.bpm?.description ?? ""
        dance = filter.danceability?.description ?? ""
        arousal = filter.arousal?.description ?? ""
        valence = filter.valence?.description ?? ""
        loudness = filter.loudness?.description ?? ""
        voiceOptions = FormOption.list(VoiceFilter.allCases.map { ($0.rawValue, $0.rawValue) }, selected: filter.voice.rawValue)
        keyOptions = FormOption.list([("", "any")] + KeyClass.tonicNames.map { ($0, $0) },
                                     selected: filter.tonic.map { KeyClass.tonicNames[$0] })
        scaleOptions = FormOption.list([("", "any")] + KeyClass.Scale.allCases.map { ($0.rawValue, $0.rawValue) },
                                       selected: filter.scale?.rawValue)
        active = !filter.parameters.isEmpty
    }
}
