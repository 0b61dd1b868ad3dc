import Foundation
#if canImport(Glibc)
import Glibc
#endif
import CFileTree
import TrackStore

/// Walks a folder tree for audio files. Uses fts(3): one stat per entry and cycle detection,
/// so symlinked folders are followed but a link back up the tree is not walked twice.
public struct AudioFileFinder: Sendable {
    public static let audioExtensions: Set<String> = [
        "mp3", "ogg", "oga", "opus", "flac", "wav", "wave", "aif", "aiff", "aifc", "m4a", "mp4", "aac",
        "wma", "ape", "wv", "mpc", "alac", "caf",
    ]

    public init() {}

    public func find(under root: String) throws -> [FoundFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ScanError.notAFolder(root)
        }
        var files: [FoundFile] = []
        var pathArgument: [UnsafeMutablePointer<CChar>?] = [strdup(root), nil]
        defer { free(pathArgument[0]) }
        guard let tree = fts_open(&pathArgument, FTS_LOGICAL | FTS_NOCHDIR, nil) else {
            throw ScanError.unreadable(root, String(cString: strerror(errno)))
        }
        defer { fts_close(tree) }
        while let entry = fts_read(tree) {
            let path = String(cString: entry.pointee.fts_path)
            let name = path.split(separator: "/").last.map(String.init) ?? path
            switch Int32(entry.pointee.fts_info) {
            case FTS_D where name.hasPrefix(".") && entry.pointee.fts_level > 0:
                fts_set(tree, entry, FTS_SKIP)
            case FTS_F where !name.hasPrefix(".") && Self.isAudio(name):
                files.append(FoundFile(path: path, status: entry.pointee.fts_statp.pointee))
            default:
                continue  // cycles (FTS_DC), unreadable folders, broken links and other files are passed over
            }
        }
        return files
    }

    /// One named file, as the scanner would have recorded it.
    public func file(at path: String) throws -> FoundFile {
        var status = stat()
        guard stat(path, &status) == 0 else { throw ScanError.unreadable(path, String(cString: strerror(errno))) }
        return FoundFile(path: path, status: status)
    }

    static func isAudio(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return audioExtensions.contains(name[name.index(after: dot)...].lowercased())
    }
}

public enum ScanError: Error, CustomStringConvertible {
    case notAFolder(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case .notAFolder(let path): return "\(path) is not a folder (or does not exist)"
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        }
    }
}

extension FoundFile {
    init(path: String, status: stat) {
        let mtime = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
        self.init(path: path, size: Int64(status.st_size), mtime: mtime)
    }
}
