import Foundation
import Hummingbird
import Playlists

/// `application/json` answers; a query the user got wrong is a 400 with `{"error": "one line"}`,
/// worded as on the pages.
enum JSONResponse {
    private struct Failure: Encodable {
        let error: String
    }

    static func answer<Value: Encodable>(_ make: () async throws -> Value) async -> Response {
        do {
            return encode(try await make(), status: .ok)
        } catch let error as QueryError {
            return encode(Failure(error: error.description), status: .badRequest)
        } catch {
            return encode(Failure(error: "\(error)"), status: .internalServerError)
        }
    }

    private static func encode(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        let data = try! encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
