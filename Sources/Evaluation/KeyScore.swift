/// Pitch classes and the MIREX weighted key score, with the relations defined as in mir_eval:
/// the fifth counts only when the estimate is a fifth above the label, in the same mode.
public struct MusicalKey: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var tonic: Int
    public var isMajor: Bool

    static let sharpNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
    static let pitchClasses: [String: Int] = [
        "C": 0, "B#": 0, "C#": 1, "DB": 1, "D": 2, "D#": 3, "EB": 3, "E": 4, "FB": 4, "F": 5, "E#": 5,
        "F#": 6, "GB": 6, "G": 7, "G#": 8, "AB": 8, "A": 9, "A#": 10, "BB": 10, "B": 11, "CB": 11,
    ]

    public init(tonic: Int, isMajor: Bool) {
        self.tonic = tonic
        self.isMajor = isMajor
    }

    /// `key` as `C`, `C#`, `Db`, … (any case); `scale` as `major` or `minor`; nil when either is unknown.
    public init?(key: String, scale: String) {
        guard let tonic = Self.pitchClasses[key.trimmingCharacters(in: .whitespaces).uppercased()] else { return nil }
        switch scale.trimmingCharacters(in: .whitespaces).lowercased() {
        case "major": self.init(tonic: tonic, isMajor: true)
        case "minor": self.init(tonic: tonic, isMajor: false)
        default: return nil
        }
    }

    public var description: String { "\(Self.sharpNames[tonic]) \(isMajor ? "major" : "minor")" }
}

public enum KeyRelation: String, CaseIterable, Sendable {
    case exact, fifth, relative, parallel, other

    /// MIREX weights: 1, 0.5, 0.3, 0.2, 0.
    public var score: Double {
        switch self {
        case .exact: return 1
        case .fifth: return 0.5
        case .relative: return 0.3
        case .parallel: return 0.2
        case .other: return 0
        }
    }

    public init(estimate: MusicalKey, label: MusicalKey) {
        let interval = (estimate.tonic - label.tonic + 12) % 12
        if estimate == label {
            self = .exact
        } else if estimate.isMajor == label.isMajor && interval == 7 {
            self = .fifth
        } else if label.isMajor && !estimate.isMajor && interval == 9 || !label.isMajor && estimate.isMajor && interval == 3 {
            self = .relative
        } else if estimate.isMajor != label.isMajor && interval == 0 {
            self = .parallel
        } else {
            self = .other
        }
    }
}
