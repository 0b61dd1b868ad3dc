/// One file of a model as the Essentia site publishes it, with the digests tonearm accepts for it.
public struct ModelFile: Sendable, Equatable {
    public var name: String
    /// Path below the site's root, e.g. `feature-extractors/musicnn/msd-musicnn-1.pb`.
    public var sitePath: String
    public var acceptedSha256: [String]

    public func accepts(sha256: String) -> Bool {
        acceptedSha256.contains(sha256)
    }
}

extension ModelSpec {
    public var graph: ModelFile {
        ModelFile(name: graphFile, sitePath: "\(folder)/\(graphFile)", acceptedSha256: [sha256])
    }

    public var metadata: ModelFile {
        ModelFile(name: metadataFile, sitePath: "\(folder)/\(metadataFile)", acceptedSha256: metadataSha256)
    }

    /// The graph and its metadata, which must sit side by side in one folder.
    public var files: [ModelFile] { [graph, metadata] }
}
