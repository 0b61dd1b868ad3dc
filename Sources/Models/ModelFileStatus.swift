import Foundation

/// What the search path holds of one required file: where, how big, and whether its digest is accepted.
public struct ModelFileStatus: Sendable {
    public var role: ModelRole
    public var file: ModelFile
    /// Nil when no folder on the search path has the file.
    public var location: URL?
    public var size: Int64?
    public var sha256: String?

    public var verified: Bool { sha256.map(file.accepts) ?? false }
}

extension ModelLocator {
    /// Each file of the role as the analysis would see it: from the folder `locate` picks when the pair is
    /// complete, else from the first folder holding that file alone, so a stray half of a pair still shows.
    public func fileStatuses(of role: ModelRole) throws -> [ModelFileStatus] {
        let pairFolder = firstFolder(holding: role.spec.files)
        return try role.spec.files.map { file in
            guard let folder = pairFolder ?? firstFolder(holding: [file]) else {
                return ModelFileStatus(role: role, file: file)
            }
            let url = folder.appendingPathComponent(file.name)
            // Folders of symlinks are a common way to assemble models; report the target's size, not the link's.
            let size = try FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path)[.size] as? NSNumber
            return ModelFileStatus(role: role, file: file, location: url, size: size?.int64Value,
                                   sha256: try FileDigest.sha256(of: url))
        }
    }
}
