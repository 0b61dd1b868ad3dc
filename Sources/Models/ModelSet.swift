import Foundation
import TrackStore

/// The models available to a run, and what that means for each analysis group.
public struct ModelSet: Sendable {
    public var models: [ModelRole: LocatedModel]

    public init(models: [ModelRole: LocatedModel]) {
        self.models = models
    }

    public var missingRoles: [ModelRole] {
        ModelRole.allCases.filter { models[$0] == nil }
    }

    /// One line naming the files of every missing role among `roles` and how to get them; nil when none is missing.
    public func missingMessage(for roles: [ModelRole] = ModelRole.allCases, searchPath: [URL]) -> String? {
        let missing = roles.filter { models[$0] == nil }
        guard !missing.isEmpty else { return nil }
        let files = missing.flatMap { $0.spec.files.map(\.name) }.joined(separator: ", ")
        let folders = searchPath.map(\.path).joined(separator: ", ")
        return "missing model files: \(files) (a .pb and its .json must share a folder; searched \(folders)). "
            + "Run `tonearm models fetch` to download them."
    }

    /// Groups whose every model is present (the signal and evidence groups always are).
    public var availableGroups: [AnalysisGroup] {
        AnalysisGroup.allCases.filter { group in group.modelRoles.allSatisfy { models[$0] != nil } }
    }

    /// What stored rows of a group must say to count as current; nil when the group can't run.
    /// The signal and evidence groups' identities are the worker's versions of their code, the
    /// models' identities otherwise.
    public func provenance(of group: AnalysisGroup, signalVersion: Int, evidenceVersion: Int) -> String? {
        if group == .signal { return "signal-v\(signalVersion)" }
        if group == .evidence { return "evidence-v\(evidenceVersion)" }
        if group == .tags { return "tags-v\(TrackTags.readerVersion)" }
        let identities = group.modelRoles.compactMap { models[$0]?.identity }
        return identities.count == group.modelRoles.count ? identities.joined(separator: "+") : nil
    }

    /// Style names, in output order, from the genre head's metadata.
    public func styleLabels() throws -> [String]? {
        guard let genre = models[.genre] else { return nil }
        return try ModelMetadata.load(graph: genre.graph).classes
    }
}

/// The fields of an Essentia model's .json that tonearm reads.
public struct ModelMetadata: Decodable, Sendable {
    public var name: String?
    public var classes: [String]

    public static func load(graph: URL) throws -> ModelMetadata {
        let url = graph.deletingPathExtension().appendingPathExtension("json")
        return try JSONDecoder().decode(ModelMetadata.self, from: Data(contentsOf: url))
    }
}
