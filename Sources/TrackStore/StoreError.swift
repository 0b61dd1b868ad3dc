/// Problems opening a store, worded for a one-line message to the user.
public enum StoreError: Error, CustomStringConvertible {
    case newerSchema(path: String)
    case cannotOpen(path: String, reason: String)
    case unknownTrack(id: Int64)

    public var description: String {
        switch self {
        case .newerSchema(let path):
            return "\(path) was written by a newer tonearm (unknown schema migrations); upgrade tonearm to use it"
        case .cannotOpen(let path, let reason):
            return "cannot open store \(path): \(reason)"
        case .unknownTrack(let id):
            return "no track with id \(id) in the store"
        }
    }
}
