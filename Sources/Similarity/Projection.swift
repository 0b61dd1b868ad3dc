import CHNSW

/// Unit vectors projected on their leading principal axes and re-normalized: a 1280-d EffNet vector
/// becomes 256 floats for the graph (1 KB instead of 5 KB per track), ranked there by cosine.
struct Projection: Sendable, Equatable {
    /// `components` rows of `dimension` floats, orthonormal.
    let axes: [Float]
    let components: Int
    let dimension: Int

    /// Axes from a sample of the rows (enough to settle them, and cheap at 1M tracks).
    static func principal(of rows: VectorRows, components: Int, sample: Int = 4000) -> Projection? {
        let dimension = rows.lanesPerRow * 8
        guard rows.count > 0, components < dimension else { return nil }
        let picked = StratifiedSample.positions(in: rows.count, taking: sample).flatMap { rows.floats(of: $0) }
        var mean = [Float](repeating: 0, count: dimension), axes = [Float](repeating: 0, count: components * dimension)
        chnsw_principal_axes(picked, picked.count / dimension, dimension, components, &mean, &axes)
        return Projection(axes: axes, components: components, dimension: dimension)
    }

    init(axes: [Float], components: Int, dimension: Int) {
        self.axes = axes
        self.components = components
        self.dimension = dimension
    }

    /// `count` contiguous vectors from `vectors`, projected: `count * components` floats.
    func apply(_ vectors: UnsafePointer<Float>, count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count * components) { buffer, initialized in
            chnsw_project(axes, components, dimension, vectors, count, buffer.baseAddress)
            initialized = count * components
        }
    }
}
