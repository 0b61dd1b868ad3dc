/// The Essentia model graphs tonearm uses, by the job each does.
public enum ModelRole: String, CaseIterable, Codable, Sendable {
    case effnet, genre, voice, danceability, musicnn, emomusic, tempocnn

    /// The official graph for this role, with the digest of the file published on the Essentia site.
    public var spec: ModelSpec {
        switch self {
        case .effnet:
            return ModelSpec(name: "discogs-effnet-bs64-1", folder: "feature-extractors/discogs-effnet",
                             sha256: "3ed9af50d5367c0b9c795b294b00e7599e4943244f4cbd376869f3bfc87721b1",
                             metadataSha256: ["a35003202384735c33154e20264267f9941705218a7b93202b655a1d408d4ff6"])
        case .genre:
            return ModelSpec(name: "genre_discogs400-discogs-effnet-1", folder: "classification-heads/genre_discogs400",
                             sha256: "3885ba078a35249af94b8e5e4247689afac40deca4401a4bc888daf5a579c01c",
                             metadataSha256: ["2d367319d9b782ffa10f69abf0e805b3ac4e10899025e5bdbaceda3919b243e0"])
        case .voice:
            // The older upstream revision of the metadata differs only in a typo'd input shape.
            return ModelSpec(name: "voice_instrumental-discogs-effnet-1", folder: "classification-heads/voice_instrumental",
                             sha256: "c8033548e17c292874265db62e82a051247768d10375a35a769e7bf695f16acf",
                             metadataSha256: ["43ac2c3b055dfaed20f6232e0f10636c287f1c5a6e5bd02c5585860031964c8f",
                                              "0cbd11ed4000a6a56bc7dc30ea03957fc54608a8176eb58a6a20426ef7f1f5bd"])
        case .danceability:
            return ModelSpec(name: "danceability-discogs-effnet-1", folder: "classification-heads/danceability",
                             sha256: "e1251f02cdc846445e2bc1fb3fe9963e32728c5c000e009188ae47c8963cb4c4",
                             metadataSha256: ["589e61dc05f0d7935be4b5fa7ab4341e5dc7cfecc6898f83503558564790cd75",
                                              "f7e2c4c8d89af350ff3f6622f2653f7e9ede6f1b0fa6a44f575a6526cff8a54d"])
        case .musicnn:
            return ModelSpec(name: "msd-musicnn-1", folder: "feature-extractors/musicnn",
                             sha256: "cdea0722bcee7f731286843f2233e3aa69887bb5c3e2dce011eff55f38d04f3e",
                             metadataSha256: ["8e6b3b509f0610c0e65dce467fd459d6777509388eaddb13ed138d8ac1341ffe"])
        case .emomusic:
            // No official digest of this metadata is published; this is the one every public copy has.
            return ModelSpec(name: "emomusic-msd-musicnn-2", folder: "classification-heads/emomusic",
                             sha256: "fcfb486510213b35e0a691975325f58170f648ad4a02d749bce790da13ded43b",
                             metadataSha256: ["fe393417b709080582201f15624460882702d596b534344d00f7a256db87c5a8"])
        case .tempocnn:
            return ModelSpec(name: "deeptemp-k16-3", folder: "tempo/tempocnn",
                             sha256: "21c328332a221695dd6e8572728c617373064df882e8f81da6d88dc3a821e3b3",
                             metadataSha256: ["ff2c675517867c42e7427b53ef1de1e3674784435f6ed95c75edc0a13ad1b5a4"])
        }
    }
}

public struct ModelSpec: Sendable, Equatable {
    /// File name without extension: `<name>.pb` is the graph, `<name>.json` its metadata.
    public var name: String
    /// Where the files live below the Essentia model site's root.
    public var folder: String
    public var sha256: String
    /// Accepted digests of the metadata file.
    public var metadataSha256: [String]

    public var graphFile: String { "\(name).pb" }
    public var metadataFile: String { "\(name).json" }
}
