import Foundation

/// One row of a labels file; every label is optional.
public struct TrackLabel: Sendable, Equatable {
    public var path: String
    public var genre: String?
    public var bpm: Double?
    public var key: MusicalKey?

    public init(path: String, genre: String? = nil, bpm: Double? = nil, key: MusicalKey? = nil) {
        self.path = path
        self.genre = genre
        self.bpm = bpm
        self.key = key
    }
}

/// Reads `path,genre,bpm,key,scale` CSV (header required, columns in any order, fields may be empty
/// or quoted). A row with a bad value keeps its other labels and yields a warning naming the line.
public struct LabelsFile: Sendable {
    public var labels: [TrackLabel] = []
    public var warnings: [String] = []

    public init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        self.init(text: text, relativeTo: url.deletingLastPathComponent())
    }

    public init(text: String, relativeTo folder: URL) {
        let rows = CSVRows.parse(text)
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
              let pathColumn = header.firstIndex(of: "path") else {
            warnings.append("line 1: the header needs a `path` column (and any of genre, bpm, key, scale)")
            return
        }
        func field(_ row: [String], _ name: String) -> String? {
            guard let index = header.firstIndex(of: name), index < row.count else { return nil }
            let value = row[index].trimmingCharacters(in: .whitespaces)
            return value.isEmpty ? nil : value
        }
        for (offset, row) in rows.dropFirst().enumerated() where !(row.count == 1 && row[0].isEmpty) {
            let line = offset + 2
            guard pathColumn < row.count, !row[pathColumn].isEmpty else {
                warnings.append("line \(line): no path; row skipped")
                continue
            }
            let raw = row[pathColumn]
            let path = raw.hasPrefix("/") ? raw : folder.appendingPathComponent(raw).standardizedFileURL.path
            var label = TrackLabel(path: path, genre: field(row, "genre"))
            if let bpm = field(row, "bpm") {
                if let value = Double(bpm), value > 0, value.isFinite {
                    label.bpm = value
                } else {
                    warnings.append("line \(line): bpm \"\(bpm)\" is not a positive number; tempo label ignored")
                }
            }
            switch (field(row, "key"), field(row, "scale")) {
            case (nil, nil):
                break
            case let (key?, scale?):
                label.key = MusicalKey(key: key, scale: scale)
                if label.key == nil {
                    warnings.append("line \(line): key \"\(key) \(scale)\" is not a tonic (C, C#/Db, …) with major/minor; key label ignored")
                }
            default:
                warnings.append("line \(line): key and scale go together; key label ignored")
            }
            labels.append(label)
        }
    }
}

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines.
enum CSVRows {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, iterator = text.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else {
                            quoted = false
                            consume(next, &row, &field, &rows)
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else {
                consume(character, &row, &field, &rows)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    private static func consume(_ character: Character, _ row: inout [String], _ field: inout String, _ rows: inout [[String]]) {
        switch character {
        case ",":
            row.append(field)
            field = ""
        case "\n", "\r\n":
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        case "\r":
            break
        default:
            field.append(character)
        }
    }
}
