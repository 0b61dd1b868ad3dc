import Foundation
import Playlists
import TrackStore

/// The music map's parameters: the embedding (`by`, default the first one the collection has) and, for a box download, the
/// box's corners in map coordinates (`x0`, `y0`, `x1`, `y1`, either order, edges included).
struct MapQuery {
    struct Box: Equatable {
        let xs: ClosedRange<Double>
        let ys: ClosedRange<Double>

        func contains(x: Double, y: Double) -> Bool { xs.contains(x) && ys.contains(y) }
    }

    var kind: EmbeddingKind?
    var box: Box?
    /// `ids=1,2,3` for the name lookups.
    var ids: [Int64] = []

    static let maximumIds = 1000

    /// The embedding asked for, else EffNet when any track has it, else MusiCNN.
    func kind(in catalog: Catalog) -> EmbeddingKind {
        kind ?? catalog.embeddedKinds.first ?? .effnet
    }

    init(parameters: [(name: String, value: String)]) throws {
        var corners: [String: Double] = [:]
        for (name, rawValue) in parameters {
            let value = rawValue.trimmingCharacters(in: .whitespaces)
            switch name {
            case "by":
                guard let kind = EmbeddingKind(rawValue: value) else {
                    let names = EmbeddingKind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw QueryError.invalidValue(parameter: name, value: value, expected: "one of \(names)")
                }
                self.kind = kind
            case "x0", "y0", "x1", "y1":
                guard let number = Double(value), number.isFinite else {
                    throw QueryError.invalidValue(parameter: name, value: value, expected: "a number (a map coordinate)")
                }
                corners[name] = number
            case "ids":
                let parsed = value.split(separator: ",").map { Int64($0) }
                guard !parsed.contains(nil), parsed.count <= Self.maximumIds else {
                    throw QueryError.invalidValue(parameter: name, value: value,
                                                  expected: "up to \(Self.maximumIds) comma-separated track ids")
                }
                ids = parsed.compactMap { $0 }
            default: throw QueryError.unknownParameter(name)
            }
        }
        if !corners.isEmpty {
            guard let x0 = corners["x0"], let y0 = corners["y0"], let x1 = corners["x1"], let y1 = corners["y1"] else {
                throw QueryError.invalidValue(parameter: "x0, y0, x1, y1", value: corners.keys.sorted().joined(separator: ", "),
                                              expected: "all four corners of the box")
            }
            box = Box(xs: min(x0, x1)...max(x0, x1), ys: min(y0, y1)...max(y0, y1))
        }
    }
}
