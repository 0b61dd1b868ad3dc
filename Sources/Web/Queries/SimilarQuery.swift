import Foundation
import Playlists
import TrackStore

/// The similar page's parameters: a search text (`q`), a query track (`track`, by id), for
/// downloads which embedding's list (`by`), and the playlist filters that narrow the neighbours
/// (the playlist page's names; sort, order and limit do not apply).
struct SimilarQuery {
    static let filterParameters: Set<PlaylistParameter> = Set(PlaylistParameter.allCases).subtracting([.sort, .order, .limit])

    var search: String?
    var track: Track?
    var kind: EmbeddingKind?
    var filter = PlaylistQuery()

    init(parameters: [(name: String, value: String)], catalog: Catalog) throws {
        let isFilter = { (name: String) in PlaylistParameter(rawValue: name).map(Self.filterParameters.contains) ?? false }
        filter = try PlaylistQuery(parameters: parameters.filter { isFilter($0.name) })
        for (name, rawValue) in parameters where !isFilter(name) {
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

extension SimilarQuery {
    /// The filter's non-default settings, for links that keep it; empty when nothing narrows the neighbours.
    var filterPairs: [(name: String, value: String)] { filter.parameters }
}
