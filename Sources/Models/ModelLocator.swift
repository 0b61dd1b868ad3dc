import Foundation

/// A model graph found on disk, with what its checksum says about it.
public struct LocatedModel: Sendable, Equatable {
    public var role: ModelRole
    public var graph: URL
    public var sha256: String
    /// For a convertible model, what the conversion cache holds for this exact graph; nil otherwise.
    public var conversion: Conversion?

    /// True when the graph is byte-identical to the official file.
    public var verified: Bool { sha256 == role.spec.sha256 }

    /// "name@first 12 hex digits": how stored descriptors name the model that produced them.
    public var identity: String { "\(role.spec.name)@\(sha256.prefix(12))" }
}

/// Finds model files in an ordered list of folders: `--models` flags, then `TONEARM_MODELS`
/// (colon-separated), then the user cache that `tonearm models fetch` fills; and the models'
/// ONNX conversions in the conversion cache.
public struct ModelLocator: Sendable {
    public var searchPath: [URL]
    public var conversions: ConversionCache?

    public init(searchPath: [URL], conversions: ConversionCache? = nil) {
        self.searchPath = searchPath
        self.conversions = conversions
    }

    public init(flags: [String], environment: [String: String] = ProcessInfo.processInfo.environment) {
        var folders = flags.map { URL(fileURLWithPath: $0) }
        if let variable = environment["TONEARM_MODELS"] {
            folders += variable.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        folders.append(Self.cacheDirectory(environment: environment))
        self.init(searchPath: folders, conversions: ConversionCache(environment: environment))
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
        let sha256 = try FileDigest.sha256(of: graph)
        let conversion = role.isConvertible ? conversions?.conversion(ofGraphWithSha256: sha256) : nil
        return LocatedModel(role: role, graph: graph, sha256: sha256, conversion: conversion)
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
