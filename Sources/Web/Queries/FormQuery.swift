import Foundation
import Playlists

/// `application/x-www-form-urlencoded` query strings, as browsers submit GET forms:
/// `+` is a space and every name and value is percent-decoded.
enum FormQuery {
    static func decode(_ query: String?) throws -> [(name: String, value: String)] {
        guard let query, !query.isEmpty else { return [] }
        return try query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) throws -> String {
                guard let text = part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                    throw QueryError.invalidValue(parameter: String(parts[0]), value: String(part),
                                                  expected: "valid percent-encoding")
                }
                return text
            }
            return (try decoded(parts[0]), try decoded(parts.count > 1 ? parts[1] : ""))
        }
    }

    static func encode(_ pairs: [(name: String, value: String)]) -> String {
        pairs.map { "\(escape($0.name))=\(escape($0.value))" }.joined(separator: "&")
    }

    /// Only unreserved characters stay literal, so `&`, `=`, `+` and `#` in a value survive.
    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
