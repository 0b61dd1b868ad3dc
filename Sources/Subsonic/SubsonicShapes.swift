import AudioStreaming
import Foundation
import Playlists
import TrackStore

/// The protocol's shared types (Child, AlbumID3, ArtistID3, Playlist) built from the library.
enum SubsonicShapes {
    static func date(_ date: Date) -> SubsonicValue {
        .string(ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!,
                                            formatOptions: [.withInternetDateTime]))
    }

    static func song(_ song: Song) -> SubsonicElement {
        let track = song.track, tags = song.tags
        let suffix = (track.path as NSString).pathExtension.lowercased()
        let size = track.rawPath.fileSize().map(Int.init)
        let genre = tags?.genre ?? song.styles.first
        return SubsonicElement([
            "id": .string(song.id),
            "parent": .string(song.albumId),
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
        ])
    }

    static func album(_ album: Album, withSongs: Bool = false) -> SubsonicElement {
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
        ])
        if withSongs { element.fields.append(("song", .list(album.songs.map(song)))) }
        return element
    }

    static func artist(_ artist: Artist, withAlbums: Bool = false) -> SubsonicElement {
        var element = SubsonicElement([
            "id": .string(artist.id),
            "name": .string(artist.name),
            "coverArt": .string(artist.albums[0].id),
            "albumCount": .int(artist.albums.count),
        ])
        if withAlbums { element.fields.append(("album", .list(artist.albums.map { album($0) }))) }
        return element
    }

    static func playlist(_ playlist: SavedPlaylist, songs: [Song]) -> SubsonicElement {
        SubsonicElement([
            "id": .string(String(playlist.id)),
            "name": .string(playlist.name),
            "comment": playlist.comment.map(SubsonicValue.string),
            "owner": .string(playlist.owner),
            "public": false,
            "songCount": .int(songs.count),
            "duration": .int(Int(songs.reduce(0) { $0 + ($1.track.duration ?? 0) }.rounded())),
            "created": date(playlist.createdAt),
            "changed": date(playlist.changedAt),
            "coverArt": songs.first.map { .string($0.id) },
        ])
    }
}
