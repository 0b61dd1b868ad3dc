import Foundation
import Playlists
import TrackStore

/// The similar page's parameters: a search text (`q`), a query track (`track`, by id) and, for
/// downloads, which embedding's list (`by`).
struct SimilarQuery {
    var search: String?
    var track: Track?
    var kind: EmbeddingKind?

    init(parameters: [(name: String, value: String)], catalog: Catalog) throws {
        for (name, rawValue) in parameters {
            let value = rawValue.trimmingCharacters(in: .whitespaces)
            switch name {
            case "q": search = value.isEmpty ? nil : value
            case "track":
                guard let id = Int64(value), let track = catalog.track(id: id) else { throw QueryError.unknownTrack(value) }
                self.track = track
            case "by":
                guard let kind = EmbeddingKind(rawValue: value) else {
                    let names = EmbeddingKind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw QueryError.invalidValue(parameter: name, value: value, expected: "one of \(names)")
                }
                self.kind = kind
            default: throw QueryError.unknownParameter(name)
            }
        }
    }
}
