import TrackStore

/// How the files under one root differ from what the store knows about that root.
public struct CollectionDiff: Sendable {
    public var added: [FoundFile] = []
    /// Size or mtime differ: the stored descriptors describe other audio.
    public var changed: [(id: Int64, file: FoundFile)] = []
    public var unchanged: [Int64] = []
    /// Marked missing earlier and back now, unchanged.
    public var reappeared: [Int64] = []
    /// In the store under this root, no longer on disk.
    public var vanished: [Int64] = []

    /// Tracks outside `root` are left alone: analyzing one folder never marks another's files missing.
    /// Without a root (a list of files) nothing is marked missing.
    public init(root: String?, found: [FoundFile], stored: [String: StoredFile]) {
        var seen = Set<String>()
        seen.reserveCapacity(found.count)
        for file in found {
            // Two names of one readable form (a literal `\xE9` beside a stray byte 0xE9): the first is kept.
            guard seen.insert(file.path).inserted else { continue }
            guard let known = stored[file.path] else {
                added.append(file)
                continue
            }
            if known.size != file.size || known.mtime != file.mtime {
                changed.append((known.id, file))
            } else if known.state == .missing {
                reappeared.append(known.id)
            } else {
                unchanged.append(known.id)
            }
        }
        guard let root else { return }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        for (path, known) in stored where known.state != .missing && path.hasPrefix(prefix) && !seen.contains(path) {
            vanished.append(known.id)
        }
    }
}

extension TrackStore {
    public func apply(_ diff: CollectionDiff) throws {
        try applyScan(added: diff.added, changed: diff.changed, reappeared: diff.reappeared, vanished: diff.vanished)
    }
}
