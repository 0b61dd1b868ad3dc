import TrackStore

extension WorkerHello {
    /// The versions the hello states against this side's: the protocol's, and each group's computation
    /// the store records as that group's provenance. One line for the user when any differs.
    var versionMismatch: String? {
        let versions: [(name: String, worker: Int?, expected: Int)] = [
            ("protocol", protocolVersion, WorkerProtocol.version),
            ("signal version", signalVersion, WorkerProtocol.signalVersion),
            ("evidence version", evidenceVersion, WorkerProtocol.evidenceVersion),
            ("tags version", tagsVersion, TrackTags.readerVersion),
        ]
        guard versions.contains(where: { $0.worker != $0.expected }) else { return nil }
        return "worker speaks " + versions.map { "\($0.name) \($0.worker ?? -1)" }.joined(separator: " / ")
            + ", expected " + versions.map { "\($0.expected)" }.joined(separator: " / ") + "; run scripts/setup"
    }
}
