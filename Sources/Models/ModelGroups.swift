import TrackStore

extension AnalysisGroup {
    /// The model roles a group needs; the signal and evidence groups need none.
    public var modelRoles: [ModelRole] {
        switch self {
        case .signal, .evidence, .tags: return []
        case .tempoCNN: return [.tempocnn]
        case .effnet: return [.effnet, .genre, .voice, .danceability]
        case .musicnn: return [.musicnn, .emomusic]
        }
    }
}
