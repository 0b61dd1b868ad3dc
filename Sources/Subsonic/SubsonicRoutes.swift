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
/// needs a user. Every answer is a Subsonic reply: protocol errors with HTTP 200 as the spec says, a
/// method of the spec tonearm does not implement with error 0 (players take a bare HTTP error for a
/// broken server), an unknown method with error 0 and HTTP 404.
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
                return reply([("error", .element(SubsonicError.generic("Unknown Subsonic method \(method)").element))], format,
                             status: "failed", http: .notFound)
            }
            let user = try authenticator.user(for: parameters, address: context.clientAddress)
            let service = try await services.current().for(user: user)
            switch method {
            case "stream", "download": return try await stream(parameters, service: service, request: request, context: context)
            case "getCoverArt": return try await coverArt(parameters, service: service)
            case "getLyricsBySongId": return reply(try await lyricsBySongId(parameters, service: service), format)
            case "getLyrics": return reply(try await lyrics(parameters, service: service), format)
            default:
                let answer = { @Sendable [method] () throws -> Data in
                    guard let payload = try service.call(method, parameters) else {
                        throw SubsonicError.generic("tonearm does not implement \(method)")
                    }
                    return Self.encoded(payload, format)
                }
                let data = ReplyThreads.longMethods.contains(method) ? try await ReplyThreads.run(answer) : try answer()
                return response(data, format)
            }
        } catch let error as SubsonicError {
            return reply([("error", .element(error.element))], format, status: "failed")
        } catch let error as StoreError {
            return reply([("error", .element(SubsonicError.generic(error.description).element))], format, status: "failed")
        }
    }

    private func reply(_ payload: SubsonicPayload, _ format: SubsonicFormat, status: String = "ok", http: HTTPResponse.Status = .ok) -> Response {
        response(Self.encoded(payload, format, status: status), format, http: http)
    }

    private static func encoded(_ payload: SubsonicPayload, _ format: SubsonicFormat, status: String = "ok") -> Data {
        let envelope: SubsonicPayload = [("status", .string(status)), ("version", .string(apiVersion)), ("type", "tonearm"),
                                         ("serverVersion", .string(serverVersion)), ("openSubsonic", true)]
        return format.encode(SubsonicElement(fields: envelope + payload))
    }

    private func response(_ data: Data, _ format: SubsonicFormat, http: HTTPResponse.Status = .ok) -> Response {
        Response(status: http, headers: [.contentType: format.contentType], body: .init(byteBuffer: ByteBuffer(bytes: data)))
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

    /// OpenSubsonic's lyrics of a song, from its file's tags; an empty list when it has none.
    private func lyricsBySongId(_ parameters: SubsonicParameters, service: SubsonicService) async throws -> SubsonicPayload {
        let song = try service.library.song(parameters.required("id"))
        let found = await LyricsTags.read(song.track.rawPath)
        let structured = found.map { LyricsTags.structured($0, artist: song.artistName, title: song.title) }
        return [("lyricsList", .element(SubsonicElement(["structuredLyrics": .list(structured)])))]
    }

    /// The first API's lyrics by artist and title (the first song tagged so, compared case-insensitively).
    private func lyrics(_ parameters: SubsonicParameters, service: SubsonicService) async throws -> SubsonicPayload {
        let artist = parameters.string("artist"), title = parameters.string("title")
        var text = ""
        if artist != nil || title != nil, let song = service.library.songs.first(where: { song in
            (artist.map { song.artistName.caseInsensitiveCompare($0) == .orderedSame } ?? true)
                && (title.map { song.title.caseInsensitiveCompare($0) == .orderedSame } ?? true)
        }) {
            text = await LyricsTags.read(song.track.rawPath).first?.text ?? ""
        }
        return [("lyrics", .element(SubsonicElement(["artist": artist.map(SubsonicValue.string), "title": title.map(SubsonicValue.string),
                                                     "value": .string(text)])))]
    }
}
