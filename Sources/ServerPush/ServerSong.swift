import Foundation

/// A song as a Subsonic server lists it (`search3`'s `song` entries).
struct ServerSong: Equatable {
    var id: String
    var path: String?
    var title: String?
    var artist: String?
    var album: String?
    var duration: Double?

    init?(_ entry: [String: Any]) {
        guard let id = entry["id"] as? String ?? (entry["id"] as? Int).map(String.init) else { return nil }
        self.id = id
        path = entry["path"] as? String
        title = entry["title"] as? String
        artist = entry["artist"] as? String
        album = entry["album"] as? String
        duration = (entry["duration"] as? NSNumber)?.doubleValue
    }
}
