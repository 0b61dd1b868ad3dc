import Foundation

/// Browsing by the collection's folders (`FolderTree`), what DSub and other folder-first players show;
/// an artist or album id (from the ID3 methods) is answered as a directory too.
extension SubsonicService {
    func indexes() -> SubsonicPayload {
        let root = library.folders.root, folders = library.folders
        let subfolders = root.subfolderIds.compactMap(folders.folder)
        let index = letterIndex(subfolders, name: \.name) { SubsonicShapes.indexEntry(id: $0.id, name: $0.name, marks) }
        let modified = library.songs.compactMap(\.track.analyzedAt).max() ?? Date(timeIntervalSince1970: 0)
        return [("indexes", .element(SubsonicElement([
            "ignoredArticles": "", "lastModified": .int(Int(modified.timeIntervalSince1970 * 1000)),
            "index": .list(index), "child": root.songs.isEmpty ? nil : songs(root.songs),
        ])))]
    }

    func musicDirectory(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let id = try parameters.required("id")
        let directory: SubsonicElement
        if let folder = library.folders.folder(id) {
            let subfolders = folder.subfolderIds.compactMap(library.folders.folder).map { SubsonicShapes.folder($0, marks) }
            directory = SubsonicElement(["id": .string(folder.id), "parent": folder.parentId.map(SubsonicValue.string),
                                         "name": .string(folder.name), "starred": marks.starred[id].map(SubsonicShapes.date),
                                         "child": .list(subfolders + folder.songs.map { SubsonicShapes.song($0, marks) })])
        } else if let artist = try? library.artist(id) {
            directory = SubsonicElement(["id": .string(artist.id), "name": .string(artist.name),
                                         "starred": marks.starred[id].map(SubsonicShapes.date),
                                         "child": .list(artist.albums.map { SubsonicShapes.albumDirectory($0, marks) })])
        } else {
            guard let album = try? library.album(id) else { throw SubsonicError.notFound("Directory") }
            directory = SubsonicElement(["id": .string(album.id), "parent": .string(album.artistId), "name": .string(album.name),
                                         "starred": marks.starred[id].map(SubsonicShapes.date), "child": songs(album.songs)])
        }
        return [("directory", .element(directory))]
    }
}
