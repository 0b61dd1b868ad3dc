import Hummingbird

/// The fields of a POSTed HTML form (`application/x-www-form-urlencoded`); the first of a repeated name wins.
enum FormBody {
    static func fields(_ request: Request) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: 16 * 1024)
        return Dictionary(try FormQuery.decode(String(buffer: body)).map { ($0.name, $0.value) }) { first, _ in first }
    }
}
