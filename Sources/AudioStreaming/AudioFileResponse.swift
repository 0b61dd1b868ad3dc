import Foundation
import Hummingbird
import _NIOFileSystem

/// The response that serves an audio file the caller has already looked up by id: the whole file,
/// or the single byte range asked for (206 with exact Content-Length and Content-Range, 416 when
/// unsatisfiable), so players can seek. Shared by the web app's audio route and Subsonic's stream.
public enum AudioFileResponse {
    /// Nil when the file is gone from disk. `fileBytes` is the path as the file system holds it: a name
    /// need not be UTF-8, so it is opened from its bytes, not from a String (Hummingbird's FileIO takes one).
    public static func make<Context: RequestContext>(fileBytes: [UInt8], request: Request, context: Context) async throws -> Response? {
        let path = FilePath(platformString: (fileBytes + [0]).map { CChar(bitPattern: $0) })
        guard let info = try? await FileSystem.shared.info(forFileAt: path) else { return nil }
        let size = Int(info.size)
        var headers: HTTPFields = [.contentType: AudioContentType.forPath(String(decoding: fileBytes, as: UTF8.self)),
                                   .acceptRanges: "bytes"]
        switch ByteRange(header: request.headers[.range], size: size) {
        case .whole:
            headers[.contentLength] = String(size)
            return Response(status: .ok, headers: headers, body: body(path, range: size > 0 ? 0...size - 1 : nil))
        case .partial(let range):
            headers[.contentLength] = String(range.count)
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
            return Response(status: .partialContent, headers: headers, body: body(path, range: range))
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        }
    }

    private static func body(_ path: FilePath, range: ClosedRange<Int>?) -> ResponseBody {
        guard let range else { return ResponseBody() }
        return ResponseBody(contentLength: range.count) { writer in
            try await FileSystem.shared.withFileHandle(forReadingAt: path) { file in
                for try await chunk in file.readChunks(in: Int64(range.lowerBound)...Int64(range.upperBound), chunkLength: .kibibytes(128)) {
                    try await writer.write(chunk)
                }
            }
            try await writer.finish(nil)
        }
    }
}
