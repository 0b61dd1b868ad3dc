import AudioStreaming
import Foundation
import Listening
import Playlists
import TrackStore

/// The protocol's shared types (Child, AlbumID3, ArtistID3, Playlist, directories) built from the
/// library, with the requesting user's stars, ratings and plays.
enum SubsonicShapes {
    static func date(_ date: Date) -> SubsonicValue {
        .string(InternetDate.string(date))
    }

    static func song(_ song: Song, _ marks: UserMarks) -> SubsonicElement {
        let track = song.track, tags = song.tags, plays = marks.plays[song.track.id!]
        let suffix = (track.path as NSString).pathExtension.lowercased()
        let size = track.rawPath.fileSize().map(Int.init)
        let genre = tags?.genre ?? song.styles.first
        return SubsonicElement([
            "id": .string(song.id),
            "parent": .string(song.folderId),
            "isDir": false,
            "title": .string(song.title),
            "album": .string(song.albumName),
            "artist": .string(song.artistName),
            "track": tags?.trackNumber.map(SubsonicValue.int),
            "discNumber": tags?.discNumber.map(SubsonicValue.int),
            "year": tags?.year.map(SubsonicValue.int),
            "genre": genre.map(SubsonicValue.string),
            "coverArt": .string(song.id),
            "size": size.map(SubsonicValue.int),
            "contentType": .string(AudioContentType.forPath(track.path)),
            "suffix": .string(suffix),
            "duration": track.duration.map { .int(Int($0.rounded())) },
            "bitRate": tags?.bitrate.map(SubsonicValue.int),
            "samplingRate": track.sampleRate.map(SubsonicValue.int),
            "channelCount": track.channels.map(SubsonicValue.int),
            "created": track.analyzedAt.map(date),
            "albumId": .string(song.albumId),
            "artistId": .string(song.artistId),
            "type": "music",
            "mediaType": "song",
            "isVideo": false,
            "bpm": song.descriptors.shown?.bpm.map { .int(Int($0.rounded())) },
            "genres": .list(song.genreNames.map { SubsonicElement(["name": .string($0)]) }),
            "displayArtist": .string(song.artistName),
        ]).adding(marksFields(of: song.id, marks, plays: plays))
    }

    static func album(_ album: Album, _ marks: UserMarks, withSongs: Bool = false) -> SubsonicElement {
        let plays = albumPlays(album, marks)
        var element = SubsonicElement([
            "id": .string(album.id),
            "name": .string(album.name),
            "artist": .string(album.artistName),
            "artistId": .string(album.artistId),
            "coverArt": .string(album.id),
            "songCount": .int(album.songs.count),
            "duration": .int(album.duration),
            "created": date(album.created),
            "year": album.year.map(SubsonicValue.int),
            "genre": album.genre.map(SubsonicValue.string),
            "displayArtist": .string(album.artistName),
            "mediaType": "album",
        ]).adding(marksFields(of: album.id, marks, plays: plays))
        if withSongs { element.fields.append(("song", .list(album.songs.map { song($0, marks) }))) }
        return element
    }

    /// An album as a directory entry (Child with isDir), as the folder-era methods list albums.
    static func albumDirectory(_ album: Album, _ marks: UserMarks) -> SubsonicElement {
        let plays = albumPlays(album, marks)
        return SubsonicElement([
            "id": .string(album.id),
            "parent": .string(album.artistId),
            "isDir": true,
            "title": .string(album.name),
            // AlbumID3's members too: py-opensonic reads the entries of getAlbumList as albums.
            "name": .string(album.name),
            "songCount": .int(album.songs.count),
            "album": .string(album.name),
            "artist": .string(album.artistName),
            "year": album.year.map(SubsonicValue.int),
            "genre": album.genre.map(SubsonicValue.string),
            "coverArt": .string(album.id),
            "duration": .int(album.duration),
            "created": date(album.created),
            "albumId": .string(album.id),
            "artistId": .string(album.artistId),
            "mediaType": "album",
        ]).adding(marksFields(of: album.id, marks, plays: plays))
    }

    /// A folder as a directory entry.
    static func folder(_ folder: FolderTree.Folder, _ marks: UserMarks) -> SubsonicElement {
        SubsonicElement([
            "id": .string(folder.id),
            "parent": folder.parentId.map(SubsonicValue.string),
            "isDir": true,
            "title": .string(folder.name),
        ]).adding(marksFields(of: folder.id, marks))
    }

    static func artist(_ artist: Artist, _ marks: UserMarks, withAlbums: Bool = false) -> SubsonicElement {
        var element = SubsonicElement([
            "id": .string(artist.id),
            "name": .string(artist.name),
            "coverArt": .string(artist.albums[0].id),
            "albumCount": .int(artist.albums.count),
        ]).adding(marksFields(of: artist.id, marks))
        if withAlbums { element.fields.append(("album", .list(artist.albums.map { album($0, marks) }))) }
        return element
    }

    /// An artist (or folder) as the folder-era methods name one: id, name, star.
    static func indexEntry(id: String, name: String, _ marks: UserMarks) -> SubsonicElement {
        SubsonicElement(["id": .string(id), "name": .string(name)]).adding(marksFields(of: id, marks))
    }

    /// What the requesting user gave an item (star, rating) and, for songs and albums, their plays of it.
    private static func marksFields(of id: String, _ marks: UserMarks, plays: Plays? = nil) -> [(name: String, value: SubsonicValue)] {
        SubsonicElement(["starred": marks.starred[id].map(date), "userRating": marks.ratings[id].map(SubsonicValue.int),
                         "playCount": plays.map { .int($0.count) }, "played": plays.map { date($0.last) }]).fields
    }

    /// The album's songs' plays together; nil when none was played.
    static func albumPlays(_ album: Album, _ marks: UserMarks) -> Plays? {
        guard !marks.plays.isEmpty else { return nil }
        return album.songs.compactMap { marks.plays[$0.track.id!] }.reduce(nil) { total, plays in
            Plays(count: (total?.count ?? 0) + plays.count, last: max(total?.last ?? plays.last, plays.last))
        }
    }

    static func playlist(_ playlist: SavedPlaylist, songs: [Song]) -> SubsonicElement {
        self.playlist(id: String(playlist.id), name: playlist.name, comment: playlist.comment, owner: playlist.owner,
                      created: playlist.createdAt, changed: playlist.changedAt, songs: songs)
    }

    static func playlist(id: String, name: String, comment: String?, owner: String, created: Date, changed: Date,
                         songs: [Song]) -> SubsonicElement {
        SubsonicElement([
            "id": .string(id),
            "name": .string(name),
            "comment": comment.map(SubsonicValue.string),
            "owner": .string(owner),
            "public": false,
            "songCount": .int(songs.count),
            "duration": .int(Int(songs.reduce(0) { $0 + ($1.track.duration ?? 0) }.rounded())),
            "created": date(created),
            "changed": date(changed),
            "coverArt": songs.first.map { .string($0.id) },
        ])
    }
}
