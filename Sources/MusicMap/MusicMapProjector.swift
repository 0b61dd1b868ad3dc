import Similarity
import TrackStore

/// Every analyzed track's place on the music map by one embedding, in track-id order.
public struct MusicMap: Sendable {
    public enum Origin: Sendable, Equatable {
        /// The cached map covered the collection as it is.
        case reused
        /// A few tracks came or went: they were placed on the cached plane, no other point moved.
        case extended
        /// The plane was fitted anew to the whole collection.
        case recomputed
    }

    public let kind: EmbeddingKind
    public let trackIds: [Int64]
    public let x: [Double]
    public let y: [Double]
    public let origin: Origin
    /// Which tracks, at which analysis, the map covers (see `MusicMapProjector.fingerprint`).
    public let fingerprint: String
}

/// Projects the mean embeddings onto their first two principal axes and keeps the result in the store.
/// Tracks added or removed since are placed on the cached plane while they are at most
/// `extensionShare` of the tracks it was fitted to (so the map does not move under the user);
/// beyond that the plane is fitted anew.
public struct MusicMapProjector: Sendable {
    public let store: TrackStore
    public let extensionShare: Double

    public init(store: TrackStore, extensionShare: Double = 0.25) {
        self.store = store
        self.extensionShare = extensionShare
    }

    /// Equal for two states of the store exactly when they give the same map: the analyzed tracks
    /// with this embedding and their analysis times. Cheap next to reading the map's points back.
    public func fingerprint(_ kind: EmbeddingKind) throws -> String {
        MapFingerprint.of(try store.mapStamps(kind))
    }

    public func map(_ kind: EmbeddingKind) throws -> MusicMap {
        let stamps = try store.mapStamps(kind)
        let fingerprint = MapFingerprint.of(stamps)
        let cached = try store.mapProjection(kind)
        if let cached, cached.fingerprint == fingerprint {
            return Self.ordered(kind, cached.points, origin: .reused, fingerprint: fingerprint)
        }
        if let cached, let extended = try extend(cached, to: stamps, fingerprint: fingerprint) {
            try store.saveMapProjection(extended)
            return Self.ordered(kind, extended.points, origin: .extended, fingerprint: fingerprint)
        }
        let fitted = try fit(kind, stamps, fingerprint: fingerprint)
        try store.saveMapProjection(fitted)
        return Self.ordered(kind, fitted.points, origin: .recomputed, fingerprint: fingerprint)
    }

    private func extend(_ cached: StoredMapProjection, to stamps: [Int64: String],
                        fingerprint: String) throws -> StoredMapProjection? {
        let kept = cached.points.filter { stamps[$0.key] == $0.value.stamp }
        let added = stamps.keys.filter { kept[$0] == nil }.sorted()
        let changed = added.count + (cached.points.count - kept.count)
        guard Double(changed) <= extensionShare * Double(cached.basisCount) else { return nil }
        let plane = PrincipalPlane(mean: cached.mean, axisX: cached.axisX, axisY: cached.axisY)
        var points = kept
        for (id, embedding) in try store.embeddings(cached.kind, of: added) {
            points[id] = Self.point(plane.project(embedding), stamp: stamps[id]!)
        }
        var extended = cached
        extended.fingerprint = fingerprint
        extended.points = points
        return extended
    }

    /// A map's axes need the collection's spread, not every track: the plane is fitted to at most this
    /// many tracks, spread over the id order (`StratifiedSample`, deterministic), and every track is projected onto it.
    /// Fitting 100,000 EffNet vectors took a minute; 5,000 give the same picture in seconds.
    static let fittedSample = 5_000

    static func sample(_ ids: [Int64]) -> [Int64] {
        guard ids.count > fittedSample else { return ids }
        return StratifiedSample.positions(in: ids.count, taking: fittedSample).map { ids[$0] }
    }

    private func fit(_ kind: EmbeddingKind, _ stamps: [Int64: String], fingerprint: String) throws -> StoredMapProjection {
        var embeddings = try store.embeddings(kind).filter { stamps[$0.key] != nil && !$0.value.isEmpty }
        // One model's vectors have one length; a stray other length (a damaged row) stays off the map.
        let dimension = embeddings.values.map(\.count).max() ?? 0
        embeddings = embeddings.filter { $0.value.count == dimension }
        let ids = embeddings.keys.sorted()
        guard !ids.isEmpty else {
            return StoredMapProjection(kind: kind, fingerprint: fingerprint, mean: [], axisX: [], axisY: [], basisCount: 0, points: [:])
        }
        let plane = PrincipalPlane(fitting: Self.sample(ids).map { embeddings[$0]! })
        let points = Dictionary(uniqueKeysWithValues: ids.map { id in
            (id, Self.point(plane.project(embeddings[id]!), stamp: stamps[id]!))
        })
        return StoredMapProjection(kind: kind, fingerprint: fingerprint, mean: plane.mean, axisX: plane.axisX,
                                   axisY: plane.axisY, basisCount: ids.count, points: points)
    }

    /// Rounded once, here, so the page, the JSON and the box download all compare the same numbers.
    private static func point(_ projected: (x: Double, y: Double), stamp: String) -> MapPoint {
        MapPoint(x: (projected.x * 10_000).rounded() / 10_000, y: (projected.y * 10_000).rounded() / 10_000, stamp: stamp)
    }

    private static func ordered(_ kind: EmbeddingKind, _ points: [Int64: MapPoint], origin: MusicMap.Origin,
                                fingerprint: String) -> MusicMap {
        let ids = points.keys.sorted()
        return MusicMap(kind: kind, trackIds: ids, x: ids.map { points[$0]!.x }, y: ids.map { points[$0]!.y }, origin: origin,
                        fingerprint: fingerprint)
    }
}
