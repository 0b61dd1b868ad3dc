/// A query the user got wrong, worded to be shown as is (CLI error line, HTTP 400 page).
public enum QueryError: Error, Equatable, CustomStringConvertible {
    case invalidValue(parameter: String, value: String, expected: String)
    case unknownParameter(String)
    case unknownStyle(String)
    case unknownTrack(String)
    case noEmbedding(kind: String, track: String)

    public var description: String {
        switch self {
        case .invalidValue(let parameter, let value, let expected):
            return "\(parameter): expected \(expected), got '\(value)'"
        case .unknownParameter(let name):
            return "unknown parameter '\(name)'"
        case .unknownStyle(let style):
            return "style: '\(style)' is not one of the stored styles (names look like Electronic---House)"
        case .unknownTrack(let reference):
            return "no analyzed track with id or path '\(reference)'"
        case .noEmbedding(let kind, let track):
            return "\(track) has no \(kind) embedding (its \(kind) analysis is missing)"
        }
    }
}
