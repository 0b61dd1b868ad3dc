import Foundation

/// A Discogs style name `Genre---Style`, split into its parent genre and the style proper.
public struct StyleLabel: Hashable, Sendable {
    /// The activation from which a track carries a style: weaker ones say the style is absent rather than
    /// faint. The report's multi-label rule, the playlist filter's default and the similar page's list use it.
    /// The discogs400 head is a sigmoid per style trained on very unbalanced labels (most of the 400
    /// styles are rare among Discogs releases), so its activations are small: 0.5 would leave most
    /// tracks with no style at all, while 0.1 keeps the one to few styles a Discogs release typically lists.
    public static let presenceThreshold = 0.1

    public var full: String
    public var genre: String
    public var style: String

    public init(_ full: String) {
        self.full = full
        let parts = full.components(separatedBy: "---")
        genre = parts.count > 1 ? parts[0] : "Unknown"
        style = parts.count > 1 ? parts.dropFirst().joined(separator: "---") : full
    }

    /// The name of style `index`, even for a store whose label table is shorter than its activations.
    public init(_ index: Int, in labels: [String]) {
        self.init(index < labels.count ? labels[index] : "Unknown---style \(index + 1)")
    }
}

extension EffnetFeatures {
    /// The `count` strongest styles, strongest first (the first-listed style wins a tie).
    public func strongestStyles(count: Int) -> [(index: Int, activation: Float)] {
        let values = styles.values
        let indices = values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
        return indices.prefix(count).map { ($0, values[$0]) }
    }
}
