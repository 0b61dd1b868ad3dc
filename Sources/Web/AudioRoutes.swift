import Foundation
import Hummingbird
import Playlists

/// Streams the audio of analyzed tracks, looked up by id: the request never names a file, so
/// nothing outside the store can be reached. Honours single byte ranges so players can seek.
struct AudioRoutes {
    let catalog: Catalog
    let fileIO = FileIO()

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get(RouterPath("\(SitePaths.audio)/:id"), use: audio)
    }

    @Sendable func audio(request: Request, context: BasicRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self), let track = catalog.track(id: id) else {
            throw HTTPError(.notFound, message: "no analyzed track with that id")
        }
        guard let size = (try? FileManager.default.attributesOfItem(atPath: track.path))?[.size] as? Int else {
            throw HTTPError(.notFound, message: "the file of this track is gone from disk")
        }
        var headers: HTTPFields = [.contentType: AudioContentType.forPath(track.path), .acceptRanges: "bytes"]
        switch ByteRange(header: request.headers[.range], size: size) {
        case .whole:
            headers[.contentLength] = String(size)
            return Response(status: .ok, headers: headers, body: try await fileIO.loadFile(path: track.path, context: context))
        case .partial(let range):
            headers[.contentLength] = String(range.count)
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
            return Response(status: .partialContent, headers: headers,
                            body: try await fileIO.loadFile(path: track.path, range: range, context: context))
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        }
    }
}
