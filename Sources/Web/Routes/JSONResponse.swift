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
        await answer(encoded: { encode(try await make()) })
    }

    /// An answer encoded beforehand (a cached one).
    static func answer(encoded make: () async throws -> Data) async -> Response {
        do {
            return response(try await make(), status: .ok)
        } catch let error as QueryError {
            return response(encode(Failure(error: error.description)), status: .badRequest)
        } catch {
            return response(encode(Failure(error: "\(error)")), status: .internalServerError)
        }
    }

    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        return try! encoder.encode(value)
    }

    private static func response(_ data: Data, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
