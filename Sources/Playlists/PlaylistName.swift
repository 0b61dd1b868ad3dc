import Foundation

/// A saved playlist's name, checked once so it can name a file: the playlists folder holds
/// `NAME.m3u8`, so a name that could climb out of the folder or hide the file is refused, not mangled.
public struct PlaylistName: Hashable, Sendable, CustomStringConvertible {
    public static let maxLength = 100

    public let description: String

    /// Surrounding white space is dropped; anything else questionable is refused with one line saying why.
    public init(_ text: String) throws {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw SavedPlaylistError.invalidName(text, "give the playlist a name") }
        guard name.count <= Self.maxLength else {
            throw SavedPlaylistError.invalidName(text, "at most \(Self.maxLength) characters")
        }
        guard !name.contains("/"), !name.contains("\\") else {
            throw SavedPlaylistError.invalidName(text, "no / or \\ (the name becomes a file name)")
        }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw SavedPlaylistError.invalidName(text, "no control characters")
        }
        guard !name.hasPrefix("."), !name.contains("..") else {
            throw SavedPlaylistError.invalidName(text, "no leading dot and no '..'")
        }
        description = name
    }
}
