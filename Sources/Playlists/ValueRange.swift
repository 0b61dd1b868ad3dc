import Foundation

/// A closed interval with optional ends, written `120-128`, `0.6-` (at least) or `-0.3` (at most).
/// Negative bounds keep their sign: `-20--8`, `-20-`, `--8`. A single number means exactly that value.
public struct ValueRange: Equatable, Sendable, CustomStringConvertible {
    public var lower: Double?
    public var upper: Double?

    public init(lower: Double? = nil, upper: Double? = nil) {
        self.lower = lower
        self.upper = upper
    }

    /// Parses the range syntax; `parameter` only words the error.
    public init(parsing text: String, parameter: String) throws {
        let text = text.trimmingCharacters(in: .whitespaces)
        let invalid = QueryError.invalidValue(parameter: parameter, value: text,
                                              expected: "a range like 120-128, 0.6- or -0.3")
        func number(_ part: Substring) throws -> Double? {
            if part.isEmpty { return nil }
            guard let value = Double(part), value.isFinite else { throw invalid }
            return value
        }
        // The separator is the first dash that follows a digit or a point; a leading dash with no
        // such separator means "at most".
        let characters = Array(text)
        let separator = characters.indices.dropFirst().first { index in
            characters[index] == "-" && (characters[index - 1].isNumber || characters[index - 1] == ".")
        }
        if let separator {
            lower = try number(text.prefix(separator))
            upper = try number(text.dropFirst(separator + 1))
        } else if text.hasPrefix("-") {
            lower = nil
            upper = try number(text.dropFirst())
        } else {
            lower = try number(text[...])
            upper = lower
        }
        if lower == nil && upper == nil { throw invalid }
        if let lower, let upper, lower > upper {
            throw QueryError.invalidValue(parameter: parameter, value: text, expected: "a minimum not above the maximum")
        }
    }

    public func contains(_ value: Double) -> Bool {
        (lower.map { value >= $0 } ?? true) && (upper.map { value <= $0 } ?? true)
    }

    /// The same syntax `init(parsing:)` reads, so a query survives a round trip through a URL.
    public var description: String {
        func format(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
        switch (lower, upper) {
        case let (lower?, upper?) where lower == upper: return format(lower)
        case let (lower?, upper?): return "\(format(lower))-\(format(upper))"
        case let (lower?, nil): return "\(format(lower))-"
        case let (nil, upper?): return "-\(format(upper))"
        case (nil, nil): return ""
        }
    }
}
