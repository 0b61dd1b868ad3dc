import GRDB

/// Problems opening or writing a store, worded for a one-line message to the user.
public enum StoreError: Error, CustomStringConvertible {
    case newerSchema(path: String)
    case cannotOpen(path: String, reason: String)
    case unknownTrack(id: Int64)
    case diskFull(path: String)

    public var description: String {
        switch self {
        case .newerSchema(let path):
            return "\(path) was written by a newer tonearm (unknown schema migrations); upgrade tonearm to use it"
        case .cannotOpen(let path, let reason):
            return "cannot open store \(path): \(reason)"
        case .unknownTrack(let id):
            return "no track with id \(id) in the store"
        case .diskFull(let path):
            return "disk full: cannot write to \(path); every track committed so far is kept, "
                + "free some space and run analyze again to continue"
        }
    }
}

extension StoreError {
    /// SQLite's "database or disk is full" (the store's disk, or the temp space it sorts in) as a one-line error.
    public static func diskFullOrSame(_ error: Error, path: String) -> Error {
        guard let error = error as? DatabaseError, error.resultCode == .SQLITE_FULL else { return error }
        return StoreError.diskFull(path: path)
    }
}
