import Hummingbird
import Playlists
import TrackStore

extension Response {
    /// An extended M3U8 download; `name` is the suggested file name without extension. In a login
    /// session the entries are signed stream URLs (a player has no cookie), else the files' paths.
    static func m3u8(_ tracks: [Track], name: String, context: WebRequestContext) -> Response {
        let playlist = context.session.map { session in
            M3U8Writer.playlist(tracks) { track in track.id.map { session.streamLinks.url($0) } ?? track.path }
        } ?? M3U8Writer.playlist(tracks)
        return Response(status: .ok,
                        headers: [.contentType: "audio/x-mpegurl; charset=utf-8",
                                  .contentDisposition: "attachment; filename=\"\(name).m3u8\""],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: playlist)))
    }
}
