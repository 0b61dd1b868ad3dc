/// What, if anything, `tonearm tag` writes into GENRE: nothing unless asked, since a collector's
/// genres are usually their own; else the top Discogs style's parent ("Electronic") or its style ("House").
public enum GenreSource: String, CaseIterable, Sendable {
    case parent, style

    func genre(ofStyle name: String) -> String {
        let parts = name.components(separatedBy: "---")
        return self == .parent ? parts[0] : (parts.count > 1 ? parts[1] : parts[0])
    }
}
