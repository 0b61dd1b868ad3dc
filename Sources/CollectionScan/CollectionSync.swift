import TrackStore

/// What one scan of a folder found and changed in the store.
public struct ScanSummary: Sendable {
    public var files: [FoundFile]
    public var added: Int
    public var changed: Int
    public var reappeared: Int
    public var vanished: Int
}

extension TrackStore {
    /// Finds the audio files under `root` and brings the store in line with them: new files recorded
    /// pending, changed ones reset, vanished ones marked missing. `analyze` starts with this; `scan` is only this.
    public func sync(root: String) throws -> ScanSummary {
        try sync(found: try AudioFileFinder().find(under: root), root: root)
    }

    /// The same for exactly these files (each once); nothing is marked missing.
    public func sync(paths: [String]) throws -> ScanSummary {
        var seen = Set<String>()
        let files = try paths.filter { seen.insert($0).inserted }.map { try AudioFileFinder().file(at: $0) }
        return try sync(found: files, root: nil)
    }

    private func sync(found files: [FoundFile], root: String?) throws -> ScanSummary {
        // A `tonearm tag` killed between its rename and its record: the file is tonearm's own write, not a change.
        let found = Dictionary(files.map { ($0.rawPath, $0) }, uniquingKeysWith: { first, _ in first })
        try settleTagWrites { path in found[path].map { ($0.size, $0.mtime) } }
        let diff = CollectionDiff(root: root, found: files, stored: try storedFiles())
        try apply(diff)
        return ScanSummary(files: files, added: diff.added.count, changed: diff.changed.count,
                           reappeared: diff.reappeared.count, vanished: diff.vanished.count)
    }
}
