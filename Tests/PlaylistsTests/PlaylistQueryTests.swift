import Playlists
import TrackStore
import XCTest

final class PlaylistQueryTests: XCTestCase {
    func testEveryParameterIsRead() throws {
        let query = try PlaylistQuery(parameters: [
            ("style", "Electronic---House"), ("style", "Electronic---Techno"), ("activation", "0.3"),
            ("bpm", "120-128"), ("voice", "Instrumental"), ("dance", "0.6-"), ("arousal", "5-9"), ("valence", "-4"),
            ("key", "db"), ("scale", "minor"), ("profile", "edma"), ("loudness", "-20--8"), ("sort", "bpm"),
            ("order", "desc"), ("n", "50"),
        ])
        var expected = PlaylistQuery()
        expected.styles = ["Electronic---House", "Electronic---Techno"]
        expected.activation = 0.3
        expected.bpm = ValueRange(lower: 120, upper: 128)
        expected.voice = .instrumental
        expected.danceability = ValueRange(lower: 0.6)
        expected.arousal = ValueRange(lower: 5, upper: 9)
        expected.valence = ValueRange(upper: 4)
        expected.tonic = 1
        expected.scale = .minor
        expected.profile = .edma
        expected.loudness = ValueRange(lower: -20, upper: -8)
        expected.sort = .bpm
        expected.order = .descending
        expected.limit = 50
        XCTAssertEqual(query, expected)
        XCTAssertEqual(try PlaylistQuery(parameters: query.parameters), query)
    }

    func testEmptyValuesAreIgnoredLikeBlankFormFields() throws {
        let query = try PlaylistQuery(parameters: PlaylistParameter.allCases.map { ($0.rawValue, " ") })
        XCTAssertEqual(query, PlaylistQuery())
        XCTAssertTrue(query.parameters.isEmpty)
    }

    func testWrongParametersAreNamedInTheError() {
        let cases: [([(String, String)], String)] = [
            ([("bmp", "120")], "unknown parameter 'bmp'"),
            ([("voice", "loud")], "voice: expected one of any, vocal, instrumental, got 'loud'"),
            ([("key", "H")], "key: expected a tonic such as C, F# or Bb, got 'H'"),
            ([("activation", "2")], "activation: expected a number between 0 and 1, got '2'"),
            ([("n", "0")], "n: expected a positive whole number, got '0'"),
            ([("sort", "colour")], "sort: expected one of style, name, bpm, tempocnn, dance, voice, arousal, valence, loudness, key-strength, duration, got 'colour'"),
            ([("dance", "0.8-0.2")], "dance: expected a minimum not above the maximum, got '0.8-0.2'"),
        ]
        for (parameters, message) in cases {
            XCTAssertThrowsError(try PlaylistQuery(parameters: parameters)) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
    }

    func testTonicsAreWrittenBackInEssentiasSpelling() throws {
        let spellings = ["C", "c#", "Db", "D#", "Fb", "E#", "Gb", "g#", "A♯", "B♭", "Cb"]
        let written = try spellings.map { try PlaylistQuery(parameters: [("key", $0)]).parameters.first!.value }
        XCTAssertEqual(written, ["C", "C#", "C#", "Eb", "E", "F", "F#", "Ab", "Bb", "Bb", "B"])
        XCTAssertThrowsError(try PlaylistQuery(parameters: [("key", "C minor")]))
    }
}
