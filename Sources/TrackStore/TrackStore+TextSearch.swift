import Foundation
import GRDB

/// Words of a search text as the `track_text` index (FTS5's unicode61 tokenizer) splits them: runs of
/// letters and digits, lowercased, without accents. Each word of a query matches a word it begins.
public enum SearchWords {
    public static func of(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Every query word begins some word of `words`.
    public static func match(_ query: [String], in words: [String]) -> Bool {
        query.allSatisfy { word in words.contains { $0.hasPrefix(word) } }
    }

    /// The FTS5 query for the words: each a quoted prefix term, all required.
    static func ftsQuery(_ words: [String]) -> String {
        words.map { "\"\($0)\"*" }.joined(separator: " ")
    }
}

extension TrackStore {
    /// Ids of the tracks whose file name, artist, title or album has every word of `text` as the start
    /// of one of its words, in id order, skipping `offset` of those `accept` takes and at most `limit` of
    /// them. No words (an empty text, or only punctuation) match nothing.
    public func searchTrackIds(_ text: String, offset: Int = 0, limit: Int, accept: (Int64) -> Bool) throws -> [Int64] {
        let words = SearchWords.of(text)
        guard !words.isEmpty, limit > 0 else { return [] }
        return try dbPool.read { db in
            let ids = try Int64.fetchCursor(db, sql: "SELECT rowid FROM track_text WHERE track_text MATCH ? ORDER BY rowid",
                                            arguments: [SearchWords.ftsQuery(words)])
            var found: [Int64] = [], skipped = 0
            while found.count < limit, let id = try ids.next() {
                guard accept(id) else { continue }
                if skipped < offset { skipped += 1 } else { found.append(id) }
            }
            return found
        }
    }
}
