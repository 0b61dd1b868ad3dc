import Foundation
import Playlists
import TestSupport
import TrackStore
import XCTest

final class M3U8WriterTests: TemporaryDirectoryTestCase {
    private func track(_ path: String, duration: Double?, artist: String? = nil, title: String? = nil) -> Track {
        var track = Track(path: path, size: 1, mtime: 1, state: .analyzed)
        track.duration = duration
        (track.artist, track.title) = (artist, title)
        return track
    }

    func testPlaylistParsesBackWithSpacesAndNonASCIIIntact() throws {
        let tracks = [
            track("/music/My Song – Ünïcode 日本.flac", duration: 123.6, artist: "Sigur Rós", title: "Hoppípolla"),
            track("/music/a b/c,d.mp3", duration: nil),
            track("/music/x.ogg", duration: 59.4, artist: "A", title: "line\nbreak"),
        ]
        let file = directory.appendingPathComponent("out.m3u8")
        try M3U8Writer.playlist(tracks).write(to: file)
        XCTAssertEqual(try M3U8Reader.entries(Data(contentsOf: file)), [
            .init(seconds: 124, title: "Sigur Rós - Hoppípolla", path: "/music/My Song – Ünïcode 日本.flac"),
            .init(seconds: -1, title: "c,d.mp3", path: "/music/a b/c,d.mp3"),
            .init(seconds: 59, title: "A - line break", path: "/music/x.ogg"),
        ])
    }

    func testEmptyPlaylistIsJustTheHeader() throws {
        XCTAssertEqual(M3U8Writer.playlist([]), Data("#EXTM3U\n".utf8))
        XCTAssertEqual(try M3U8Reader.entries(Data("#EXTM3U\n".utf8)), [])
    }
}
