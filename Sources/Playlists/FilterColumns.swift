import Foundation
import TrackStore

/// The values the playlist filters compare, one contiguous array per descriptor in the engine's track
/// order, computed once when the collection is loaded: a query over a million tracks then reads only
/// the columns its filters name, instead of building an entry (and parsing a key) for every track.
/// A missing value is NaN (SQLite stores no NaN, so it means only "absent") or `KeyCode.none`.
struct FilterColumns: Sendable {
    let bpm, danceability, arousal, valence, loudness, voice: [Double]
    /// The shown tempo's other octave where it is uncertain, else NaN.
    let bpmAlternative: [Double]
    /// The shown key of every track, and per stored profile the key it estimated.
    let shownKeys: [KeyCode]
    let profileKeys: [KeyProfile: [KeyCode]]

    init(_ tracks: [TrackDescriptors]) {
        let filters = RangeFilter.allCases
        var ranges = filters.map { _ in [Double](repeating: .nan, count: tracks.count) }
        var voice = [Double](repeating: .nan, count: tracks.count), bpmAlternative = voice, shownKeys = [KeyCode](repeating: .none, count: tracks.count)
        var profileKeys = KeyProfile.allCases.map { _ in shownKeys }
        // One pass reading fields in place: handing each descriptor to a function copied it whole,
        // a dozen retains per track.
        for row in tracks.indices {
            // The range filters' columns hold what `RangeFilter` says each filter reads, as its histograms do.
            for (column, filter) in filters.enumerated() {
                ranges[column][row] = filter.value(shown: tracks[row].shown, musicnn: tracks[row].musicnn, signal: tracks[row].signal) ?? .nan
            }
            voice[row] = tracks[row].effnet?.voice ?? .nan
            bpmAlternative[row] = tracks[row].shown?.bpmAlternative ?? .nan
            shownKeys[row] = KeyCode(key: tracks[row].shown?.key, scale: tracks[row].shown?.scale)
            guard let signal = tracks[row].signal else { continue }
            for (column, profile) in KeyProfile.allCases.enumerated() {
                profileKeys[column][row] = KeyCode(signal.key(profile))
            }
        }
        func column(_ filter: RangeFilter) -> [Double] { ranges[filters.firstIndex(of: filter)!] }
        (bpm, danceability, arousal, valence, loudness) = (column(.bpm), column(.dance), column(.arousal), column(.valence), column(.loudness))
        self.voice = voice
        self.bpmAlternative = bpmAlternative
        self.shownKeys = shownKeys
        self.profileKeys = Dictionary(uniqueKeysWithValues: zip(KeyProfile.allCases, profileKeys))
    }

    /// Rows (positions in the track list) that pass every filter of `query` except the styles', in
    /// ascending order. Each present filter narrows the survivors of the one before; absent ones cost nothing.
    func rows(passing query: PlaylistQuery) -> [Int] {
        var rows = Array(bpm.indices)
        func narrow(_ keep: (Int) -> Bool) { rows.removeAll { !keep($0) } }
        if let range = query.bpm, query.bpmOctaves {
            bpm.withUnsafeBufferPointer { bpm in
                bpmAlternative.withUnsafeBufferPointer { other in
                    narrow { (!bpm[$0].isNaN && range.contains(bpm[$0])) || (!other[$0].isNaN && range.contains(other[$0])) }
                }
            }
        }
        for (range, values) in [(query.bpmOctaves ? nil : query.bpm, bpm), (query.danceability, danceability),
                                (query.arousal, arousal), (query.valence, valence), (query.loudness, loudness)] {
            guard let range else { continue }
            values.withUnsafeBufferPointer { values in narrow { !values[$0].isNaN && range.contains(values[$0]) } }
        }
        if query.voice != .any {
            voice.withUnsafeBufferPointer { voice in narrow { !voice[$0].isNaN && query.voice.accepts(voice: voice[$0]) } }
        }
        if query.tonic != nil || query.scale != nil {
            keys(for: query.profile).withUnsafeBufferPointer { keys in
                narrow { keys[$0].matches(tonic: query.tonic, scale: query.scale) }
            }
        }
        return rows
    }

    /// The key column a query's key filter reads: the profile's when it names one, else the shown key.
    func keys(for profile: KeyProfile?) -> [KeyCode] {
        profile.flatMap { profileKeys[$0] } ?? shownKeys
    }
}

/// A key class in one byte: pitch class × 2 + 1 for minor, `none` for a missing or unparsable key.
struct KeyCode: Sendable, Equatable {
    static let none = KeyCode(code: -1)
    let code: Int8

    private init(code: Int8) { self.code = code }

    init(_ estimate: KeyEstimate?) {
        self.init(key: estimate?.key, scale: estimate?.scale)
    }

    init(key: String?, scale: String?) {
        guard let key, let scale, let keyClass = KeyClass(key: key, scale: scale) else {
            self = .none
            return
        }
        code = Int8(keyClass.pitchClass * 2 + (keyClass.scale == .minor ? 1 : 0))
    }

    /// Both filters are optional; a track without a key passes neither.
    func matches(tonic: Int?, scale: KeyClass.Scale?) -> Bool {
        guard self != .none else { return false }
        if let tonic, Int(code) / 2 != tonic { return false }
        if let scale, (code % 2 == 1 ? KeyClass.Scale.minor : .major) != scale { return false }
        return true
    }
}
