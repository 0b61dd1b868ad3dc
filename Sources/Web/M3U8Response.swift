import Hummingbird
import Playlists
import TrackStore

extension Response {
    /// An extended M3U8 download; `name` is the suggested file name without extension.
    static func m3u8(_ tracks: [Track], name: String) -> Response {
        Response(status: .ok,
                 headers: [.contentType: "audio/x-mpegurl; charset=utf-8",
                           .contentDisposition: "attachment; filename=\"\(name).m3u8\""],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: M3U8Writer.playlist(tracks))))
    }
}
