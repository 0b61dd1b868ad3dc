/// Reads back the provenance strings stored with each group ("name@sha12+name@sha12").
public enum Provenance {
    /// The model names in a provenance whose digest is not the official file's.
    public static func unverifiedModels(in provenance: String) -> [String] {
        provenance.split(separator: "+").compactMap { identity in
            let parts = identity.split(separator: "@", maxSplits: 1)
            guard parts.count == 2, let role = ModelRole.allCases.first(where: { $0.spec.name == parts[0] }) else {
                return nil
            }
            return role.spec.sha256.hasPrefix(parts[1]) ? nil : String(parts[0])
        }
    }
}
