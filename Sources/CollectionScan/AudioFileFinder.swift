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
            // Bytes as the file system gives them: a name need not be UTF-8 (`String(cString:)` would repair it).
            let path = RawPath(bytes: Array(UnsafeBufferPointer(start: entry.pointee.fts_path, count: Int(entry.pointee.fts_pathlen))
                .map { UInt8(bitPattern: $0) }))
            let name = String(path.display.split(separator: "/").last ?? "")
            switch Int32(entry.pointee.fts_info) {
            case FTS_D where name.hasPrefix(".") && entry.pointee.fts_level > 0:
                fts_set(tree, entry, FTS_SKIP)
            case FTS_F where !name.hasPrefix(".") && Self.isAudio(name):
                files.append(FoundFile(rawPath: path, status: entry.pointee.fts_statp.pointee))
            default:
                continue  // cycles (FTS_DC), unreadable folders, broken links and other files are passed over
            }
        }
        return files
    }

    /// One named file, as the scanner would have recorded it.
    public func file(at path: String) throws -> FoundFile {
        try file(at: RawPath(path))
    }

    public func file(at path: RawPath) throws -> FoundFile {
        var status = stat()
        guard path.withCString({ stat($0, &status) }) == 0 else {
            throw ScanError.unreadable(path.display, String(cString: strerror(errno)))
        }
        return FoundFile(rawPath: path, status: status)
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
    init(rawPath: RawPath, status: stat) {
        let mtime = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
        self.init(rawPath: rawPath, size: Int64(status.st_size), mtime: mtime)
    }
}
