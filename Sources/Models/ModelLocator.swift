import Foundation

/// A model graph found on disk, with what its checksum says about it.
public struct LocatedModel: Sendable, Equatable {
    public var role: ModelRole
    public var graph: URL
    public var sha256: String

    /// True when the graph is byte-identical to the official file.
    public var verified: Bool { sha256 == role.spec.sha256 }

    /// "name@first 12 hex digits": how stored descriptors name the model that produced them.
    public var identity: String { "\(role.spec.name)@\(sha256.prefix(12))" }
}

/// Finds model files in an ordered list of folders: `--models` flags, then `TONEARM_MODELS`
/// (colon-separated), then the user cache that `tonearm models fetch` fills.
public struct ModelLocator: Sendable {
    public var searchPath: [URL]

    public init(searchPath: [URL]) {
        self.searchPath = searchPath
    }

    public init(flags: [String], environment: [String: String] = ProcessInfo.processInfo.environment) {
        var folders = flags.map { URL(fileURLWithPath: $0) }
        if let variable = environment["TONEARM_MODELS"] {
            folders += variable.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        folders.append(Self.cacheDirectory(environment: environment))
        self.init(searchPath: folders)
    }

    /// `$XDG_CACHE_HOME/tonearm/models`, else `~/.cache/tonearm/models`.
    public static func cacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("tonearm/models")
    }

    /// The first folder holding both the graph and its metadata, checksummed; nil when none does.
    public func locate(_ role: ModelRole) throws -> LocatedModel? {
        guard let folder = firstFolder(holding: role.spec.files) else { return nil }
        let graph = folder.appendingPathComponent(role.spec.graphFile)
        return LocatedModel(role: role, graph: graph, sha256: try FileDigest.sha256(of: graph))
    }

    func firstFolder(holding files: [ModelFile]) -> URL? {
        searchPath.first { folder in
            files.allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0.name).path) }
        }
    }

    public func locateAll() throws -> ModelSet {
        var found: [ModelRole: LocatedModel] = [:]
        for role in ModelRole.allCases {
            found[role] = try locate(role)
        }
        return ModelSet(models: found)
    }
}
