/// `--map-path LOCAL=SERVER`: the server sees the library under another root. Subsonic servers give a
/// song's path relative to their music folder, so SERVER is usually empty or a subfolder
/// (`--map-path /home/me/Music=`); a leading `/` is ignored on both sides of the comparison.
public struct PathMapping: Sendable, Equatable {
    public var local: String
    public var server: String

    public init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
        local = String(argument[..<equals])
        server = String(argument[argument.index(after: equals)...])
    }

    /// The server's path of a local file, when the file lies under `local`.
    func serverPath(of path: String) -> String? {
        let root = local.hasSuffix("/") ? local : local + "/"
        guard path.hasPrefix(root) else { return nil }
        let rest = String(path.dropFirst(root.count))
        let base = server.hasSuffix("/") || server.isEmpty ? server : server + "/"
        return Self.normalized(base + rest)
    }

    static func normalized(_ path: String) -> String {
        String(path.drop { $0 == "/" })
    }
}
