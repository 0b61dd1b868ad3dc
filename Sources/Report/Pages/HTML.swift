import Foundation

/// Small pieces of markup. Everything that comes from the collection (paths, tags, error messages)
/// goes through `escape`.
enum HTML {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A number the tests read back from the page: `data-figure` names it.
    static func figure(_ name: String, _ text: String) -> String {
        "<span class=\"figure\" data-figure=\"\(name)\">\(escape(text))</span>"
    }

    /// A figure followed by "track" or "tracks" as the number wants.
    static func tracks(_ name: String, _ count: Int) -> String {
        figure(name, "\(count)") + (count == 1 ? " track" : " tracks")
    }

    /// A table whose cells are already markup.
    static func table(_ headers: [String], _ rows: [[String]], id: String? = nil) -> String {
        let idAttribute = id.map { " id=\"\($0)\"" } ?? ""
        let head = headers.map { "<th>\(escape($0))</th>" }.joined()
        let body = rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n")
        return "<table\(idAttribute)><thead><tr>\(head)</tr></thead><tbody>\n\(body)\n</tbody></table>"
    }

    static func chart(_ spec: ChartSpec) -> String {
        """
        <figure class="chart" style="height: \(spec.height)px\(spec.maxWidth.map { "; max-width: \($0)px" } ?? "")"><canvas id="\(spec.id)" role="img" \
        aria-label="\(escape(spec.title))"></canvas></figure>
        """
    }

    /// JSON for a `<script type="application/json">` block: `<` is written as an escape, so no
    /// string from the collection can close the block.
    static func scriptJSON<T: Encodable>(_ value: T) throws -> String {
        let json = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        return json.replacingOccurrences(of: "<", with: "\\u003c")
    }
}

/// How numbers read on the page.
enum Format {
    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "–" : String(format: "%.1f %%", 100 * Double(part) / Double(whole))
    }

    static func decimal(_ value: Double?, digits: Int = 1) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "–"
    }

    /// `−9 LUFS`, with a true minus sign.
    static func lufs(_ value: Double) -> String {
        String(format: "%g LUFS", value).replacingOccurrences(of: "-", with: "−")
    }

    /// `3 h 07 min`, or `12 min 29 s` under an hour.
    static func duration(_ seconds: Double) -> String {
        let minutes = Int(seconds / 60)
        if minutes >= 60 { return String(format: "%d h %02d min", minutes / 60, minutes % 60) }
        return String(format: "%d min %02d s", minutes, Int(seconds) % 60)
    }

    static func date(_ date: Date?) -> String {
        guard let date else { return "–" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
