import Foundation
import TrackStore

/// Everything the report and the export read from the store, loaded in one go.
public struct ReportData: Sendable {
    /// Analyzed tracks and failed ones: a failed track keeps the groups that did succeed,
    /// and those are as valid as any other. Each section counts the tracks that have its group.
    public var tracks: [TrackDescriptors]
    public var errors: [AnalysisError]
    public var styleLabels: [String]
    public var status: StoreStatus

    public init(store: TrackStore) throws {
        tracks = try store.descriptors(states: [.analyzed, .failed])
        errors = try store.errors()
        styleLabels = try store.styleLabels()
        status = try store.status()
    }

    /// The name of style `index`, even for a store whose label table is shorter than its activations.
    func styleLabel(_ index: Int) -> StyleLabel {
        StyleLabel(index < styleLabels.count ? styleLabels[index] : "Unknown---style \(index + 1)")
    }

    /// The `count` strongest styles of a track, strongest first (the first-listed style wins a tie).
    func strongestStyles(_ effnet: EffnetFeatures, count: Int) -> [(index: Int, label: StyleLabel, activation: Float)] {
        let values = effnet.styles.values
        let indices = values.indices.sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 < $1 }
        return indices.prefix(count).map { ($0, styleLabel($0), values[$0]) }
    }
}

/// A Discogs style name `Genre---Style`, split into its parent genre and the style proper.
public struct StyleLabel: Hashable, Sendable {
    public var full: String
    public var genre: String
    public var style: String

    public init(_ full: String) {
        self.full = full
        let parts = full.components(separatedBy: "---")
        genre = parts.count > 1 ? parts[0] : "Unknown"
        style = parts.count > 1 ? parts.dropFirst().joined(separator: "---") : full
    }
}
