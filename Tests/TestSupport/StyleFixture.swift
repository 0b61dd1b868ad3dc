import TrackStore

/// 400 style labels for handcrafted stores: a few real Discogs names first, numbered fillers after.
public enum StyleFixture {
    public static let named = ["Electronic---House", "Electronic---Techno", "Electronic---Drum n Bass",
                               "Rock---Punk", "Jazz---Bop", "Hip Hop---Boom Bap"]

    public static let labels: [String] = named + (named.count..<400).map { "Filler---Style \($0)" }

    /// A 400-activation vector with the given styles set and every other style at zero.
    public static func activations(_ values: [String: Float]) -> [Float] {
        var vector = [Float](repeating: 0, count: labels.count)
        for (name, value) in values {
            vector[labels.firstIndex(of: name)!] = value
        }
        return vector
    }
}

extension StoreBuilder {
    /// Stores the fixture's style labels, as an analysis run stores the model's.
    public func saveStyleLabels() throws {
        try store.saveStyleLabels(StyleFixture.labels)
    }
}
