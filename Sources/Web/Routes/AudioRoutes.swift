import AudioStreaming
import Foundation
import Hummingbird
import Playlists

/// Streams the audio of analyzed tracks, looked up by id: the request never names a file, so
/// nothing outside the store can be reached. Honours single byte ranges so players can seek.
struct AudioRoutes {
    let catalogs: LiveCatalog

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath("\(SitePaths.audio)/:id"), use: audio)
    }

    @Sendable func audio(request: Request, context: WebRequestContext) async throws -> Response {
        let catalog = catalogs.current
        guard let id = context.parameters.get("id", as: Int64.self), let track = catalog.track(id: id) else {
            throw HTTPError(.notFound, message: "no analyzed track with that id")
        }
        guard let response = try await AudioFileResponse.make(fileBytes: track.rawPath.bytes, request: request, context: context) else {
            throw HTTPError(.notFound, message: "the file of this track is gone from disk")
        }
        return response
    }
}
