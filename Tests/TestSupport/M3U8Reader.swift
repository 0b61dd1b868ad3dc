import Foundation

/// Reads an extended M3U8 back into entries, strictly, so tests notice any malformed line.
public enum M3U8Reader {
    public struct Entry: Equatable {
        public var seconds: Int
        public var title: String
        public var path: String

        public init(seconds: Int, title: String, path: String) {
            self.seconds = seconds
            self.title = title
            self.path = path
        }
    }

    public struct FormatError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func entries(_ data: Data) throws -> [Entry] {
        guard let text = String(data: data, encoding: .utf8) else { throw FormatError(description: "not UTF-8") }
        var lines = text.components(separatedBy: "\n")
        guard lines.removeFirst() == "#EXTM3U" else { throw FormatError(description: "no #EXTM3U header") }
        guard lines.removeLast() == "" else { throw FormatError(description: "no final line break") }
        guard lines.count % 2 == 0 else { throw FormatError(description: "odd number of lines") }
        return try stride(from: 0, to: lines.count, by: 2).map { index in
            let info = lines[index], path = lines[index + 1]
            guard info.hasPrefix("#EXTINF:"), let comma = info.firstIndex(of: ","),
                  let seconds = Int(info[info.index(info.startIndex, offsetBy: 8)..<comma]) else {
                throw FormatError(description: "bad #EXTINF line: \(info)")
            }
            guard !path.hasPrefix("#") else { throw FormatError(description: "expected a path, got \(path)") }
            return Entry(seconds: seconds, title: String(info[info.index(after: comma)...]), path: path)
        }
    }
}
