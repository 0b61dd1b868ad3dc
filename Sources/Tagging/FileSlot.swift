import CollectionScan
import Foundation
import TrackStore

/// A tagged copy taking the place of a user's file: checks before, and the swap itself. The copy
/// sits beside the file (same file system), so `rename(2)` replaces the file in one step and a
/// `kill -9` at any moment leaves either the old file or the new one, never a mix.
struct FileSlot {
    let track: Track

    /// Tonearm writes only files it knows: a file edited since its analysis (or since tonearm last
    /// wrote it) has descriptors that may describe other audio, and an undo would undo someone else's edit.
    func unchangedFile() -> Result<FoundFile, Skip> {
        guard track.rawPath.isUTF8 else { return .failure(Skip("its name is not UTF-8")) }
        guard let now = try? AudioFileFinder().file(at: track.rawPath) else { return .failure(Skip("the file is gone")) }
        guard now.size == track.size && now.mtime == track.mtime else {
            return .failure(Skip("changed since its analysis (run tonearm analyze first)"))
        }
        return .success(now)
    }

    /// Write bits are checked, not only access(2): a user marks a file or folder read-only to keep it
    /// as it is, and that holds for root too.
    func writable() -> Skip? {
        let folder = (track.path as NSString).deletingLastPathComponent
        if let reason = Self.readOnly(track.path, what: "file") ?? Self.readOnly(folder, what: "folder") {
            return Skip(reason)
        }
        return nil
    }

    private static func readOnly(_ path: String, what: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        if status.st_mode & 0o222 == 0 || access(path, W_OK) != 0 {
            return "read-only \(what) (mode \(String(status.st_mode & 0o777, radix: 8))): left as it is"
        }
        return nil
    }

    /// Records the write, renames the checked copy over the file, makes the rename durable, then
    /// records it done. The record comes first so that a run killed after the rename is recognised.
    func replace(with temporary: String, write: TagWrite, in store: TrackStore) throws {
        guard let copy = try? AudioFileFinder().file(at: temporary),
              let before = try? AudioFileFinder().file(at: track.rawPath),
              before.size == write.oldSize, before.mtime == write.oldMtime else {
            unlink(temporary)
            throw TagError("changed while it was being tagged: left as it is")
        }
        var record = write
        (record.newSize, record.newMtime) = (copy.size, copy.mtime)
        let id = try store.prepare(record)
        guard rename(temporary, track.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            try store.discardTagWrite(id: id)
            throw TagError("cannot replace the file: \(reason)")
        }
        Self.syncFolder(of: track.path)
        try store.completeTagWrite(id: id)
    }

    private static func syncFolder(of path: String) {
        let folder = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY)
        guard folder >= 0 else { return }
        fsync(folder)
        close(folder)
    }
}

/// Why a file was left alone: one line, and the run goes on.
struct Skip: Error {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
