import Foundation

/// The collection's folders in the Subsonic folder model (getIndexes, getMusicDirectory): the deepest
/// folder holding every song is the music folder, each folder below it a directory of its subfolders
/// and songs. A folder's id is `fo-` + a hash of its path, so it survives rescans like the others.
struct FolderTree: Sendable {
    struct Folder: Sendable {
        let id: String
        let name: String
        let parentId: String?
        var subfolderIds: [String] = []
        var songs: [Song] = []
    }

    let root: Folder
    /// The music folder's path ("" for an empty collection).
    let rootPath: String
    private let folders: [String: Folder]

    init(songs: [Song], folderId: (String) -> String) {
        var byPath: [String: Folder] = [:]
        let songFolders = Set(songs.map(\.folderPath))
        let rootPath = Self.commonAncestor(of: songFolders)
        var parents: [String: String] = [:]
        for path in songFolders.sorted() {
            var child = path
            while child != rootPath, parents[child] == nil {
                let parent = (child as NSString).deletingLastPathComponent
                guard parent != child else { break }
                parents[child] = parent
                child = parent
            }
        }
        for path in Set(parents.keys).union([rootPath]) {
            byPath[path] = Folder(id: folderId(path), name: path == rootPath ? "Music" : (path as NSString).lastPathComponent,
                                  parentId: parents[path].map(folderId))
        }
        for (child, parent) in parents.sorted(by: { $0.key.lowercased() < $1.key.lowercased() }) {
            let childId = byPath[child]!.id
            byPath[parent]?.subfolderIds.append(childId)
        }
        for song in songs { byPath[song.folderPath]?.songs.append(song) }
        folders = Dictionary(uniqueKeysWithValues: byPath.values.map { ($0.id, $0) })
        root = folders[folderId(rootPath)]!
        self.rootPath = rootPath
    }

    func folder(_ id: String) -> Folder? { folders[id] }

    /// Every song in the folder and below it.
    func songs(under folder: Folder) -> [Song] {
        folder.songs + folder.subfolderIds.compactMap { folders[$0] }.flatMap(songs(under:))
    }

    private static func commonAncestor(of paths: Set<String>) -> String {
        guard var common = paths.first.map({ ($0 as NSString).pathComponents }) else { return "" }
        for path in paths {
            let parts = (path as NSString).pathComponents
            var shared = 0
            while shared < min(common.count, parts.count), common[shared] == parts[shared] { shared += 1 }
            common.removeLast(common.count - shared)
        }
        return NSString.path(withComponents: common)
    }
}
