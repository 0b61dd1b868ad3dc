import Playlists
import TrackStore

/// The descriptor and key filter fields of a form, filled from a query: shared by the playlist page and
/// the similar page's filters (which offer one style as text instead of the playlist page's style list).
struct DescriptorFilterFields {
    let style: String
    let bpm: String
    let bpmOctaves: Bool
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
        bpmOctaves = filter.bpmOctaves
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
