/// What saving, running or deleting a saved playlist can refuse, worded to be shown as is.
public enum SavedPlaylistError: Error, Equatable, CustomStringConvertible {
    case invalidName(String, String)
    case unknownName(String, savedByOthers: [String])
    case unknownPlaylist
    case unreadableQuery(String)
    case outsideFolder(String)

    public var description: String {
        switch self {
        case .invalidName(let name, let rule):
            return "playlist name '\(name)': \(rule)"
        case .unknownName(let name, let others):
            let hint = others.isEmpty ? "" : " (saved by \(others.joined(separator: ", ")): add --owner)"
            return "no saved playlist named '\(name)'\(hint)"
        case .unknownPlaylist:
            return "no such saved playlist"
        case .unreadableQuery(let name):
            return "saved playlist '\(name)' holds a query this version cannot read"
        case .outsideFolder(let path):
            return "refusing to write \(path): it is not inside the playlists folder"
        }
    }
}
