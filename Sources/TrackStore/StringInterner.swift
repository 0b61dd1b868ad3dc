/// Hands out one shared copy of each distinct string: a million rows carry the same few provenance
/// strings, and sharing their storage keeps them from costing a heap allocation per row.
struct StringInterner {
    private var seen: Set<String> = []

    mutating func callAsFunction(_ string: String) -> String {
        if let shared = seen.firstIndex(of: string) { return seen[shared] }
        seen.insert(string)
        return string
    }
}
