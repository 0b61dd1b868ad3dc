import Foundation

/// A request's parameters: the query string and, for a POST, the form body, repeated names kept in order.
public struct SubsonicParameters: Sendable {
    private var values: [String: [String]] = [:]

    public init(query: String?, form: String? = nil) {
        for text in [query, form].compactMap({ $0 }) {
            for pair in text.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard let name = Self.decode(parts[0]), !name.isEmpty else { continue }
                values[name, default: []].append(parts.count > 1 ? Self.decode(parts[1]) ?? "" : "")
            }
        }
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    public func string(_ name: String) -> String? { values[name]?.first }

    public func strings(_ name: String) -> [String] { values[name] ?? [] }

    public func required(_ name: String) throws -> String {
        guard let value = string(name), !value.isEmpty else { throw SubsonicError.missingParameter(name) }
        return value
    }

    /// An integer within `range`; `fallback` when absent. Out of range is an error, not a silent clamp,
    /// so a client asking for a billion songs learns why it got none.
    public func int(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name), !text.isEmpty else { return fallback }
        guard let value = Int(text) else { throw SubsonicError.invalidParameter(name, "not an integer") }
        guard range.contains(value) else {
            throw SubsonicError.invalidParameter(name, "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }

    public func optionalInt(_ name: String) throws -> Int? {
        guard let text = string(name), !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw SubsonicError.invalidParameter(name, "not an integer") }
        return value
    }
}
