/// A strict RFC 4180 reader, written for the tests so the exports and the report's tracks.csv are checked
/// against the standard and not against their own writer.
public enum CSV {
    public struct Malformed: Error {}

    public static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var characters = Array(text.unicodeScalars)[...]
        while let character = characters.popFirst() {
            switch character {
            case "\"" where field.isEmpty:
                while true {
                    guard let next = characters.popFirst() else { throw Malformed() }
                    if next == "\"" {
                        guard characters.first == "\"" else { break }
                        characters.removeFirst()
                    }
                    field.unicodeScalars.append(next)
                }
            case ",":
                record.append(field)
                field = ""
            case "\r":
                guard characters.popFirst() == "\n" else { throw Malformed() }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default:
                field.unicodeScalars.append(character)
            }
        }
        guard record.isEmpty, field.isEmpty else { throw Malformed() }
        return records
    }
}
