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
        StyleLabel(index, in: styleLabels)
    }

    /// The `count` strongest styles of a track, strongest first (the first-listed style wins a tie).
    func strongestStyles(_ effnet: EffnetFeatures, count: Int) -> [(index: Int, label: StyleLabel, activation: Float)] {
        effnet.strongestStyles(count: count).map { ($0.index, styleLabel($0.index), $0.activation) }
    }
}
