import AudioStreaming
import Foundation
import Hummingbird
import Playlists
import TrackStore
import Users

/// Which embedding answers mixes and paths.
public enum MixEmbedding: Sendable {
    /// EffNet when the collection has it, else MusiCNN.
    case automatic
    case fixed(EmbeddingKind)
}

/// The (Open)Subsonic API under `/rest`: `/rest/METHOD` and `/rest/METHOD.view`, GET or POST with a
/// form body, replies in XML (default) or JSON (`f=json`). Every method but getOpenSubsonicExtensions
/// needs a user; protocol errors are answered with HTTP 200 as the spec says, methods of the spec
/// tonearm does not implement with HTTP 501 (as Navidrome does), unknown paths with 404.
public struct SubsonicRoutes<Context: ClientAddressRequestContext>: Sendable {
    static var apiVersion: String { "1.16.1" }
    let services: LiveSubsonicService
    let authenticator: SubsonicAuthenticator

    /// `collection` gives the latest version of the collection and its number; the API follows it.
    public init(collection: @escaping @Sendable () -> (version: Int, catalog: Catalog), store: TrackStore,
                mixBy: MixEmbedding = .automatic, limiter: LoginRateLimiter = LoginRateLimiter()) {
        services = LiveSubsonicService(collection: collection, store: store, mixBy: mixBy)
        authenticator = SubsonicAuthenticator(users: UserDirectory(store: store), limiter: limiter)
    }

    public func addRoutes(to router: Router<Context>) {
        let group = router.group("rest")
        group.get(":method", use: handle)
        group.post(":method", use: handle)
    }

    @Sendable func handle(request: Request, context: Context) async throws -> Response {
        var form: String?
        if request.method == .post {
            let body = try await request.body.collect(upTo: 1 << 20)
            form = String(buffer: body)
        }
        let parameters = SubsonicParameters(query: request.uri.query, form: form)
        let format = SubsonicFormat(parameter: parameters.string("f"))
        var method = context.parameters.get("method") ?? ""
        if method.hasSuffix(".view") { method.removeLast(".view".count) }
        do {
            if method == "getOpenSubsonicExtensions" { return reply(SubsonicService.extensions, format) }
            guard SubsonicMethodNames.all.contains(method) else {
                return Response(status: .notFound, body: .init(byteBuffer: ByteBuffer(string: "no such Subsonic method\n")))
            }
            let user = try authenticator.user(for: parameters, address: context.clientAddress)
            let service = try services.current()
            switch method {
            case "stream", "download": return try await stream(parameters, service: service, request: request, context: context)
            case "getCoverArt": return try await coverArt(parameters, service: service)
            default:
                guard let payload = try service.call(method, parameters, user: user) else {
                    return Response(status: .notImplemented,
                                    body: .init(byteBuffer: ByteBuffer(string: "This endpoint is not implemented, but may be in future releases\n")))
                }
                return reply(payload, format)
            }
        } catch let error as SubsonicError {
            return reply([("error", .element(error.element))], format, status: "failed")
        } catch let error as StoreError {
            return reply([("error", .element(SubsonicError.generic(error.description).element))], format, status: "failed")
        }
    }

    private func reply(_ payload: SubsonicPayload, _ format: SubsonicFormat, status: String = "ok") -> Response {
        let envelope: SubsonicPayload = [("status", .string(status)), ("version", .string(Self.apiVersion)), ("type", "tonearm"),
                                         ("serverVersion", .string(Self.serverVersion)), ("openSubsonic", true)]
        let data = format.encode(SubsonicElement(fields: envelope + payload))
        return Response(status: .ok, headers: [.contentType: format.contentType],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static var serverVersion: String { "0.1.0" }

    /// The file as it is (no transcoding, whatever `format` asks), with byte ranges.
    private func stream(_ parameters: SubsonicParameters, service: SubsonicService, request: Request, context: Context) async throws -> Response {
        let song = try service.library.song(parameters.required("id"))
        guard let response = try await AudioFileResponse.make(fileBytes: song.track.rawPath.bytes, request: request, context: context) else {
            throw SubsonicError.notFound("File of this song")
        }
        return response
    }

    /// An album's or artist's picture is its first song's.
    private func coverArt(_ parameters: SubsonicParameters, service: SubsonicService) async throws -> Response {
        let size = try parameters.optionalInt("size")
        if let size, !(1...4096).contains(size) { throw SubsonicError.invalidParameter("size", "must be between 1 and 4096") }
        let songs = try service.library.songs(forAnyId: parameters.required("id"))
        for song in songs.prefix(1) {
            if let picture = await CoverArt.picture(forAudioAt: song.track.rawPath, size: size) {
                return Response(status: .ok, headers: [.contentType: picture.contentType, .contentLength: String(picture.data.count)],
                                body: .init(byteBuffer: ByteBuffer(bytes: picture.data)))
            }
        }
        throw SubsonicError.notFound("Cover art")
    }
}
