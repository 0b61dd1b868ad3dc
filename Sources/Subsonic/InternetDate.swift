import Foundation

/// A date as RFC 3339 in UTC to the second (`2026-12-05T18:53:53Z`), what ISO8601DateFormatter's
/// `.withInternetDateTime` writes. Written by hand because the Foundation class method builds a new
/// formatter for every call, which was most of the time of a 500-song reply.
enum InternetDate {
    static func string(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text = ""
        text.reserveCapacity(20)
        append(Int(parts.tm_year) + 1900, digits: 4, to: &text)
        for (separator, value) in [("-", parts.tm_mon + 1), ("-", parts.tm_mday), ("T", parts.tm_hour), (":", parts.tm_min),
                                   (":", parts.tm_sec)] {
            text += separator
            append(Int(value), digits: 2, to: &text)
        }
        return text + "Z"
    }

    private static func append(_ value: Int, digits: Int, to text: inout String) {
        let written = String(value)
        if written.count < digits { text += String(repeating: "0", count: digits - written.count) }
        text += written
    }
}
