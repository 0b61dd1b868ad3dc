import Foundation
import Hummingbird

/// The response that serves an audio file the caller has already looked up by id: the whole file,
/// or the single byte range asked for (206 with exact Content-Length and Content-Range, 416 when
/// unsatisfiable), so players can seek. Shared by the web app's audio route and Subsonic's stream.
public enum AudioFileResponse {
    /// Nil when the file is gone from disk.
    public static func make<Context: RequestContext>(path: String, request: Request, context: Context) async throws -> Response? {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else { return nil }
        let fileIO = FileIO()
        var headers: HTTPFields = [.contentType: AudioContentType.forPath(path), .acceptRanges: "bytes"]
        switch ByteRange(header: request.headers[.range], size: size) {
        case .whole:
            headers[.contentLength] = String(size)
            return Response(status: .ok, headers: headers, body: try await fileIO.loadFile(path: path, context: context))
        case .partial(let range):
            headers[.contentLength] = String(range.count)
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
            return Response(status: .partialContent, headers: headers,
                            body: try await fileIO.loadFile(path: path, range: range, context: context))
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        }
    }
}
