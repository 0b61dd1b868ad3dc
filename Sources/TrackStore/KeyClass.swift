/// One of the 24 key classes (12 tonics × major/minor). Enharmonic spellings (C#/Db) are one class,
/// so profiles that spell a tonic differently still count as agreeing.
public struct KeyClass: Hashable, Comparable, Sendable {
    public enum Scale: String, CaseIterable, Sendable {
        case major, minor
    }

    /// 0 = C … 11 = B.
    public var pitchClass: Int
    public var scale: Scale

    /// The spelling Essentia's Key algorithm uses.
    public static let tonicNames = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
    private static let naturals: [Character: Int] = ["C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11]

    public static let all: [KeyClass] = Scale.allCases.flatMap { scale in
        (0..<12).map { KeyClass(pitchClass: $0, scale: scale) }
    }

    public init(pitchClass: Int, scale: Scale) {
        self.pitchClass = pitchClass
        self.scale = scale
    }

    /// nil for a key or scale Essentia did not produce (e.g. empty for a profile that was not computed).
    public init?(key: String, scale: String) {
        guard let scale = Scale(rawValue: scale.lowercased()), let letter = key.first?.uppercased().first,
              let natural = Self.naturals[letter] else { return nil }
        var pitch = natural
        for accidental in key.dropFirst() {
            switch accidental {
            case "#", "♯": pitch += 1
            case "b", "♭": pitch -= 1
            default: return nil
            }
        }
        self.init(pitchClass: (pitch + 12) % 12, scale: scale)
    }

    public var name: String { "\(Self.tonicNames[pitchClass]) \(scale.rawValue)" }

    public static func < (lhs: KeyClass, rhs: KeyClass) -> Bool {
        all.firstIndex(of: lhs)! < all.firstIndex(of: rhs)!
    }
}
