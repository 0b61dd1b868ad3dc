import Foundation
import TrackStore

/// Filters (combined with AND), sort order and limit of a playlist. Parsed from name/value pairs so
/// the web app (URL query items) and the CLI (flags) share one parser and one meaning.
public struct PlaylistQuery: Equatable, Sendable {
    public static let defaultActivation = StyleLabel.presenceThreshold

    public var styles: [String] = []
    /// Minimum activation of the chosen styles.
    public var activation = PlaylistQuery.defaultActivation
    public var bpm: ValueRange?
    /// Off by default: when on, a track whose tempo octave is uncertain also matches `bpm` by its
    /// alternative (half or double) tempo.
    public var bpmOctaves = false
    public var voice = VoiceFilter.any
    public var danceability: ValueRange?
    public var arousal: ValueRange?
    public var valence: ValueRange?
    /// Pitch class of the key's tonic (0 = C … 11 = B), so enharmonic spellings are one key.
    public var tonic: Int?
    public var scale: KeyClass.Scale?
    /// nil: the collection's recommended profile.
    public var profile: KeyProfile?
    public var loudness: ValueRange?
    /// nil: by style activation when styles are chosen, else by name.
    public var sort: SortKey?
    /// nil: the sort key's natural order.
    public var order: SortOrder?
    public var limit: Int?

    public init() {}

    /// Empty values count as absent, since HTML forms submit every field.
    public init(parameters: [(name: String, value: String)]) throws {
        for (name, rawValue) in parameters {
            let value = rawValue.trimmingCharacters(in: .whitespaces)
            guard let parameter = PlaylistParameter(rawValue: name) else { throw QueryError.unknownParameter(name) }
            if value.isEmpty { continue }
            func range() throws -> ValueRange { try ValueRange(parsing: value, parameter: name) }
            func choice<Choice: RawRepresentable & CaseIterable>(_: Choice.Type) throws -> Choice where Choice.RawValue == String {
                guard let choice = Choice(rawValue: value.lowercased()) else {
                    let names = Choice.allCases.map(\.rawValue).joined(separator: ", ")
                    throw QueryError.invalidValue(parameter: name, value: value, expected: "one of \(names)")
                }
                return choice
            }
            switch parameter {
            case .style: styles.append(value)
            case .activation:
                guard let number = Double(value), (0...1).contains(number) else {
                    throw QueryError.invalidValue(parameter: name, value: value, expected: "a number between 0 and 1")
                }
                activation = number
            case .bpm: bpm = try range()
            case .bpmOctaves:
                guard let on = ["on": true, "off": false][value.lowercased()] else {
                    throw QueryError.invalidValue(parameter: name, value: value, expected: "on or off")
                }
                bpmOctaves = on
            case .voice: voice = try choice(VoiceFilter.self)
            case .dance: danceability = try range()
            case .arousal: arousal = try range()
            case .valence: valence = try range()
            case .key:
                // KeyClass parses a tonic only together with a scale; any scale will do here.
                guard let keyClass = KeyClass(key: value, scale: KeyClass.Scale.major.rawValue) else {
                    throw QueryError.invalidValue(parameter: name, value: value, expected: "a tonic such as C, F# or Bb")
                }
                tonic = keyClass.pitchClass
            case .scale: scale = try choice(KeyClass.Scale.self)
            case .profile: profile = try choice(KeyProfile.self)
            case .loudness: loudness = try range()
            case .sort: sort = try choice(SortKey.self)
            case .order: order = try choice(SortOrder.self)
            case .limit:
                guard let number = Int(value), number > 0 else {
                    throw QueryError.invalidValue(parameter: name, value: value, expected: "a positive whole number")
                }
                limit = number
            }
        }
    }

    /// The non-default settings as name/value pairs: what `init(parameters:)` reads back.
    public var parameters: [(name: String, value: String)] {
        var pairs: [(PlaylistParameter, String?)] = styles.map { (.style, $0) }
        pairs += [
            (.activation, activation == Self.defaultActivation ? nil : String(activation)),
            (.bpm, bpm?.description), (.bpmOctaves, bpmOctaves ? "on" : nil), (.voice, voice == .any ? nil : voice.rawValue),
            (.dance, danceability?.description), (.arousal, arousal?.description),
            (.valence, valence?.description), (.key, tonic.map { KeyClass.tonicNames[$0] }), (.scale, scale?.rawValue),
            (.profile, profile?.rawValue), (.loudness, loudness?.description),
            (.sort, sort?.rawValue), (.order, order?.rawValue), (.limit, limit.map(String.init)),
        ]
        return pairs.compactMap { parameter, value in value.map { (parameter.rawValue, $0) } }
    }
}
