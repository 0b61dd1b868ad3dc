/// The twelve key tonics, spelled as Essentia's key extractor spells them.
public enum Tonic {
    public static let names = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]

    /// Canonical spelling of a tonic written with any enharmonic name (`Db` → `C#`, `a#` → `Bb`), or nil.
    public static func canonical(_ text: String) -> String? {
        let letters: [Character: Int] = ["C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11]
        guard let first = text.first, let natural = letters[Character(first.uppercased())] else { return nil }
        var pitchClass = natural
        for accidental in text.dropFirst() {
            switch accidental {
            case "#", "♯": pitchClass += 1
            case "b", "♭": pitchClass -= 1
            default: return nil
            }
        }
        return names[(pitchClass % 12 + 12) % 12]
    }
}
