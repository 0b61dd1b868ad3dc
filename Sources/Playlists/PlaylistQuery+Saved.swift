import Foundation

extension PlaylistQuery {
    /// The query as the store's `saved_playlist.query` text: its name/value pairs as a JSON array
    /// of pairs, so a saved playlist re-runs the same parser the page and the CLI use.
    public var savedText: String {
        let pairs = parameters.map { [$0.name, $0.value] }
        // Encoding an array of strings cannot fail.
        return String(decoding: try! JSONEncoder().encode(pairs), as: UTF8.self)
    }

    public init(savedText: String) throws {
        let pairs = try JSONDecoder().decode([[String]].self, from: Data(savedText.utf8))
        try self.init(parameters: pairs.filter { $0.count == 2 }.map { ($0[0], $0[1]) })
    }
}
