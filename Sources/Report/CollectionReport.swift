import Foundation

/// Every figure of the report, computed from the store's data; rendering reads only this.
public struct CollectionReport: Sendable {
    public var collection: CollectionSummary
    public var styles: StyleSummary
    public var rhythm: RhythmSummary
    public var keys: KeySummary
    public var loudness: LoudnessSummary
    public var emotion: EmotionSummary
    public var voice: VoiceSummary
    public var observations: Observations
    /// False when no track has any descriptors: the page then explains why instead of showing sections.
    public var hasDescriptors: Bool

    public init(_ data: ReportData) {
        collection = CollectionSummary(data)
        styles = StyleSummary(data)
        rhythm = RhythmSummary(data)
        keys = KeySummary(data)
        loudness = LoudnessSummary(data)
        emotion = EmotionSummary(data)
        voice = VoiceSummary(data)
        observations = Observations(data, styles: styles, keys: keys, emotion: emotion, voice: voice)
        hasDescriptors = data.tracks.contains {
            $0.signal != nil || $0.tempoCNN != nil || $0.effnet != nil || $0.musicnn != nil
        }
    }
}
