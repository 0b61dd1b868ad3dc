import Foundation

/// Artist and album info. tonearm fetches nothing from the web, so there is no biography, notes or
/// images; an artist's similar artists come from the audio (`ArtistNeighbours`).
extension SubsonicService {
    /// `id` is an artist, or anything that has one (a song, album or folder); `count` similar artists.
    func artistInfo(_ parameters: SubsonicParameters, version: Int) throws -> SubsonicPayload {
        let artist = try library.artist(forAnyId: parameters.required("id"))
        let count = try parameters.int("count", default: 20, in: 0...Self.maxCount)
        let similar = artistNeighbours.neighbours(of: artist.id, count: count).compactMap { try? library.artist($0.id) }
        let entries = version == 1 ? similar.map { SubsonicShapes.indexEntry(id: $0.id, name: $0.name, marks) }
                                   : similar.map { SubsonicShapes.artist($0, marks) }
        return [(version == 1 ? "artistInfo" : "artistInfo2", .element(SubsonicElement(["similarArtist": .list(entries)])))]
    }

    /// `id` is an album or a song (of an album); answered empty, having nothing to tell.
    func albumInfo(_ parameters: SubsonicParameters) throws -> SubsonicPayload {
        let id = try parameters.required("id")
        guard (try? library.album(id)) != nil || (try? library.song(id)) != nil else { throw SubsonicError.notFound("Album") }
        return [("albumInfo", .element(SubsonicElement([:])))]
    }
}
