import Models
import TrackStore

/// Which descriptor groups came, on how many tracks, from a model file whose sha256 is not the official
/// one (a stand-in, a retrained or damaged file), so the page says so where people read those values,
/// not only `tonearm status`.
struct ModelNotes {
    /// Per group, each unofficial model name with its track count.
    let unverified: [AnalysisGroup: [String: Int]]

    init(provenances: [AnalysisGroup: [String: Int]]) {
        var unverified: [AnalysisGroup: [String: Int]] = [:]
        for (group, counts) in provenances {
            for (provenance, tracks) in counts {
                for model in Provenance.unverifiedModels(in: provenance) {
                    unverified[group, default: [:]][model, default: 0] += tracks
                }
            }
        }
        self.unverified = unverified
    }

    /// The header's note over every group, with the model names as the `unverified-models` figure.
    var header: String {
        let models = unverified.values.flatMap { $0.keys }.sorted()
        guard !models.isEmpty else { return "" }
        return """
            <p class="model-note" id="unverified-models-note">Not the official model file (sha256 differs):
            \(HTML.figure("unverified-models", models.joined(separator: ", "))). Values computed with it are
            not the published model's and are marked where they appear.</p>
            """
    }

    /// A note for a section showing the given groups' values, or "" when they all came from official files.
    func note(for groups: [AnalysisGroup]) -> String {
        let lines = groups.compactMap { group -> String? in
            guard let models = unverified[group], !models.isEmpty else { return nil }
            let list = models.sorted { $0.key < $1.key }.map { "\($0.key) on \($0.value) track\($0.value == 1 ? "" : "s")" }
            return "\(group.rawValue): \(list.joined(separator: ", "))"
        }
        guard !lines.isEmpty else { return "" }
        return """
            <p class="model-note">Computed with a model file that is not the official one (sha256 differs), so
            not the published model's values: \(HTML.escape(lines.joined(separator: "; ")))</p>
            """
    }
}
