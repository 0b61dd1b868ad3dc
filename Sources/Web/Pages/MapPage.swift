import Foundation
import TrackStore

/// What map.mustache shows: the embedding choice and, for use without JavaScript, the map's extent
/// and a box form whose download lists the tracks inside.
struct MapPage {
    struct KindOption {
        let value: String
        let label: String
        let selected: Bool
    }

    let chrome: Chrome
    let by: String
    let kindOptions: [KindOption]
    let count: Int
    /// The embeddings no track has ("effnet"), nil when every one is there.
    let missing: String?
    let x0: String, y0: String, x1: String, y1: String
    let xRange: String, yRange: String

    init(chrome: Chrome, data: MapData, box: MapQuery.Box?, embedded: [EmbeddingKind]) {
        self.chrome = chrome
        by = data.by
        kindOptions = EmbeddingKind.allCases.map { kind in
            KindOption(value: kind.rawValue, label: embedded.contains(kind) ? kind.rawValue : "\(kind.rawValue) (none stored)",
                       selected: kind.rawValue == data.by)
        }
        count = data.count
        let missingKinds = EmbeddingKind.allCases.filter { !embedded.contains($0) }
        missing = missingKinds.isEmpty ? nil : missingKinds.map(\.rawValue).joined(separator: " and ")
        let xs = (data.x.min() ?? 0)...(data.x.max() ?? 0), ys = (data.y.min() ?? 0)...(data.y.max() ?? 0)
        let shown = box ?? MapQuery.Box(xs: xs, ys: ys)
        x0 = Self.number(shown.xs.lowerBound)
        x1 = Self.number(shown.xs.upperBound)
        y0 = Self.number(shown.ys.lowerBound)
        y1 = Self.number(shown.ys.upperBound)
        xRange = "\(Self.number(xs.lowerBound)) to \(Self.number(xs.upperBound))"
        yRange = "\(Self.number(ys.lowerBound)) to \(Self.number(ys.upperBound))"
    }

    /// Indexes into `data` of the tracks inside `box`, left to right (a sweep across the map), as the page lists them.
    static func boxed(_ data: MapData, _ box: MapQuery.Box) -> [Int] {
        data.ids.indices.filter { box.contains(x: data.x[$0], y: data.y[$0]) }
            .sorted { (data.x[$0], data.ids[$0]) < (data.x[$1], data.ids[$1]) }
    }

    private static func number(_ value: Double) -> String { String(format: "%.4f", value) }
}
