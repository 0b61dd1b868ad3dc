import Foundation
import TrackStore

/// The folder `serve --playlists` keeps every saved playlist's `NAME.m3u8` in, for players that read
/// a folder of playlists. A logged-in user's playlists go into a subfolder named after the user.
public struct PlaylistFolder: Sendable {
    public let url: URL

    public init(_ url: URL) {
        self.url = url.standardizedFileURL
    }

    /// The default: beside the store, `music/tonearm.sqlite` → `music/tonearm-playlists/`.
    public static func beside(storePath: String) -> PlaylistFolder {
        let store = URL(fileURLWithPath: storePath)
        let stem = store.deletingPathExtension().lastPathComponent
        return PlaylistFolder(store.deletingLastPathComponent().appendingPathComponent("\(stem)-playlists", isDirectory: true))
    }

    /// Writes the tracks' paths; answers the file written.
    @discardableResult
    public func write(_ tracks: [Track], name: PlaylistName, owner: String) throws -> URL {
        let file = try self.file(name, owner: owner)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try checkInside(file)
        try M3U8Writer.playlist(tracks).write(to: file, options: .atomic)
        return file
    }

    public func remove(name: PlaylistName, owner: String) throws {
        let file = try self.file(name, owner: owner)
        if FileManager.default.fileExists(atPath: file.path) {
            try FileManager.default.removeItem(at: file)
        }
    }

    public func file(_ name: PlaylistName, owner: String) throws -> URL {
        let folder = owner == SmartPlaylists.localOwner
            ? url : url.appendingPathComponent(try PlaylistName(owner).description, isDirectory: true)
        let file = folder.appendingPathComponent("\(name).m3u8")
        try checkInside(file)
        return file
    }

    /// The name is already checked; this is the second lock: whatever the name held, the file's
    /// resolved folder must be this folder or the owner's subfolder of it.
    private func checkInside(_ file: URL) throws {
        let parent = file.deletingLastPathComponent().resolvingSymlinksInPath().path
        let root = url.resolvingSymlinksInPath().path
        let grandparent = URL(fileURLWithPath: parent).deletingLastPathComponent().path
        guard parent == root || grandparent == root else { throw SavedPlaylistError.outsideFolder(file.path) }
    }
}
