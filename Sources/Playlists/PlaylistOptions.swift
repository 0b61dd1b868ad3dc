/// Which side of the voice/instrumental head a track must fall on.
public enum VoiceFilter: String, CaseIterable, Sendable {
    case any, vocal, instrumental

    /// `voice` is a softmax probability, so 0.5 splits the two classes.
    func accepts(voice: Double) -> Bool {
        switch self {
        case .any: return true
        case .vocal: return voice >= 0.5
        case .instrumental: return voice < 0.5
        }
    }
}

public enum SortOrder: String, CaseIterable, Sendable {
    case ascending = "asc", descending = "desc"
}
