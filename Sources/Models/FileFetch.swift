/// What fetching one model file came to.
public struct FileFetch: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case alreadyPresent
        case downloaded(sha256: String)
        case failed(String)
    }

    public var file: ModelFile
    public var outcome: Outcome

    public var failed: Bool {
        if case .failed = outcome { return true }
        return false
    }

    /// One line for the terminal.
    public var summary: String {
        switch outcome {
        case .alreadyPresent: return "present     \(file.name)"
        case let .downloaded(sha256): return "downloaded  \(file.name) (sha256 \(sha256.prefix(12)), verified)"
        case let .failed(reason):
            return "FAILED      \(file.name): \(reason.split(whereSeparator: \.isNewline).joined(separator: " "))"
        }
    }
}
