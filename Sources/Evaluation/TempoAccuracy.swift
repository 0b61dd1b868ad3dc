/// MIREX tempo accuracies: Accuracy1 counts an estimate within 4 % of the label; Accuracy2 also
/// accepts the octave-style errors ×2, ×3, ×½ and ×⅓ (Gouyon et al. 2006, as used by MIREX).
public enum TempoAccuracy {
    public static let tolerance = 0.04
    static let acceptedFactors: [Double] = [1, 2, 3, 1.0 / 2, 1.0 / 3]

    public enum Outcome: String, Sendable {
        case correct
        /// Right up to a factor of 2, 3, ½ or ⅓.
        case octave
        case wrong
    }

    public static func outcome(estimate: Double, label: Double) -> Outcome {
        if within(estimate, label) { return .correct }
        return acceptedFactors.dropFirst().contains { within(estimate, label * $0) } ? .octave : .wrong
    }

    private static func within(_ estimate: Double, _ target: Double) -> Bool {
        abs(estimate - target) <= tolerance * target
    }
}
