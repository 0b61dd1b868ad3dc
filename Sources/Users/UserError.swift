/// Problems with users and their credentials, worded for one line to the user.
public enum UserDirectoryError: Error, CustomStringConvertible, Equatable {
    case invalidName(String)
    case alreadyExists(String)
    case noSuchUser(String)
    case emptyPassword
    case unreadableCredentials(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidName(let name):
            return "invalid user name \"\(name)\": use 1 to 64 letters, digits, '.', '_', '-' or '@'"
        case .alreadyExists(let name):
            return "a user named \"\(name)\" already exists (`tonearm users remove \(name)` first)"
        case .noSuchUser(let name):
            return "no user named \"\(name)\" (see `tonearm users list`)"
        case .emptyPassword:
            return "the password is empty"
        case .unreadableCredentials(let path, let reason):
            return "credentials file \(path): \(reason)"
        }
    }
}
