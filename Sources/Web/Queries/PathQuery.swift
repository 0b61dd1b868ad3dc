import Foundation
import Playlists
import TrackStore

/// The path page's parameters: start and end tracks (`from`, `to`, by id), a search text for picking
/// one (`q`), the embedding (`by`, default effnet) and the number of tracks (`n`, both ends included).
struct PathQuery {
    static let defaultLength = 12
    static let maximumLength = 100

    var from: Track?
    var to: Track?
    var search: String?
    var kind = EmbeddingKind.effnet
    var length = PathQuery.defaultLength

    init(parameters: [(name: String, value: String)], catalog: Catalog) throws {
        for (name, rawValue) in parameters {
            let value = rawValue.trimmingCharacters(in: .whitespaces)
            func track() throws -> Track? {
                if value.isEmpty { return nil }
                guard let id = Int64(value), let track = catalog.track(id: id) else { throw QueryError.unknownTrack(value) }
                return track
            }
            switch name {
            case "from": from = try track()
            case "to": to = try track()
            case "q": search = value.isEmpty ? nil : value
            case "by":
                guard let kind = EmbeddingKind(rawValue: value) else {
                    let names = EmbeddingKind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw QueryError.invalidValue(parameter: name, value: value, expected: "one of \(names)")
                }
                self.kind = kind
            case "n":
                guard let number = Int(value), (2...Self.maximumLength).contains(number) else {
                    throw QueryError.invalidValue(parameter: name, value: value, expected: "a whole number from 2 to \(Self.maximumLength)")
                }
                length = number
            default: throw QueryError.unknownParameter(name)
            }
        }
    }

    /// The settings as URL parameters, with the start or end replaced when given.
    func parameters(from: Track?? = nil, to: Track?? = nil) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        if let id = (from ?? self.from)?.id { pairs.append(("from", String(id))) }
        if let id = (to ?? self.to)?.id { pairs.append(("to", String(id))) }
        pairs.append(("by", kind.rawValue))
        pairs.append(("n", String(length)))
        return pairs
    }
}
