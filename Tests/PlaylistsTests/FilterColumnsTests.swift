import Foundation
import Playlists
import TestSupport
import TrackStore
import XCTest

/// The engine evaluates filters over per-descriptor columns; these tests hold it to the filters'
/// meaning written out plainly, track by track, over a collection where every descriptor is sometimes missing.
final class FilterColumnsTests: TemporaryDirectoryTestCase {
    func testColumnarMatchingEqualsTheFiltersEvaluatedTrackByTrack() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("s.sqlite").path)
        try builder.saveStyleLabels()
        var random = SeededRandom(seed: 3)
        let tonics = ["C", "C#", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B", "H", ""]
        func key() -> KeyEstimate {
            KeyEstimate(key: tonics.randomElement(using: &random)!, scale: Bool.random(using: &random) ? "major" : "minor",
                        strength: Double.random(in: 0...1, using: &random))
        }
        for number in 0..<80 {
            let styles = StyleFixture.activations([StyleFixture.named.randomElement(using: &random)!: Float.random(in: 0...1, using: &random)])
            try builder.addTrack(path: "/m/\(number).mp3", bpm: Int.random(in: 0..<5, using: &random) == 0 ? nil : Double.random(in: 60...180, using: &random),
                                 keys: Dictionary(uniqueKeysWithValues: KeyProfile.allCases.map { ($0, key()) }),
                                 loudness: Bool.random(using: &random) ? nil : Double.random(in: -30 ... -5, using: &random),
                                 styles: Int.random(in: 0..<4, using: &random) == 0 ? nil : styles,
                                 voice: Double.random(in: 0...1, using: &random), danceability: Double.random(in: 0...1, using: &random),
                                 musicnnEmbedding: Int.random(in: 0..<4, using: &random) == 0 ? nil : [1, 2, 3],
                                 valence: Double.random(in: 1...9, using: &random), arousal: Double.random(in: 1...9, using: &random))
        }
        let engine = try Catalog.load(from: builder.store).playlists
        let choices: [(String, [String])] = [
            ("bpm", ["100-140", "120-", "-90"]), ("voice", ["vocal", "instrumental"]), ("dance", ["0.3-", "0.2-0.6"]),
            ("arousal", ["5-"]), ("valence", ["-4"]), ("loudness", ["-20--8"]), ("key", ["A", "C#", "Eb"]),
            ("scale", ["minor", "major"]), ("profile", ["edma", "krumhansl"]),
            ("style", ["Electronic---House", "Rock---Punk"]), ("activation", ["0.3"]),
        ]
        var nonEmpty = 0
        for _ in 0..<300 {
            let parameters = choices.filter { _ in Int.random(in: 0..<3, using: &random) == 0 }
                .map { ($0.0, $0.1.randomElement(using: &random)!) }
            let sorting = [("sort", ["name", "bpm", "loudness", "style", "key-strength"].randomElement(using: &random)!),
                           ("order", ["asc", "desc"].randomElement(using: &random)!)]
            let query = try PlaylistQuery(parameters: parameters + sorting)
            let accepted = engine.tracks.filter { Self.accepts($0, query, styleLabels: engine.styleLabels) }
            let expected = accepted.map(\.track.path)
            let result = try engine.run(query)
            XCTAssertEqual(result.matchedRows.map { engine.tracks[$0].track.path }, expected, "\(parameters)")
            XCTAssertEqual(try engine.matchingRows(query).map { engine.tracks[$0].track.path }, expected, "\(parameters)")
            XCTAssertEqual(result.entries.map(\.track.path), Self.sorted(accepted, query, styleLabels: engine.styleLabels).map(\.track.path),
                           "\(parameters + sorting)")
            if !expected.isEmpty && expected.count < engine.tracks.count { nonEmpty += 1 }
        }
        XCTAssertGreaterThan(nonEmpty, 100, "most random queries select a proper, non-empty subset")
    }

    /// The sort as documented: by the key's value, ties and then tracks lacking it in path order.
    private static func sorted(_ tracks: [TrackDescriptors], _ query: PlaylistQuery, styleLabels: [String]) -> [TrackDescriptors] {
        func value(_ track: TrackDescriptors) -> String? {
            func number(_ value: Double?) -> String? { value.map { String(format: "%020.6f", $0 + 1000) } }
            switch query.sort! {
            case .name: return track.track.displayName.lowercased()
            case .bpm: return number(track.shown?.bpm)
            case .loudness: return number(track.signal?.loudnessLufs)
            case .style:
                guard !query.styles.isEmpty, let styles = track.effnet?.styles.values else { return nil }
                return number(query.styles.map { Double(styles[styleLabels.firstIndex(of: $0)!]) }.max())
            case .keyStrength: return number((query.profile.map { track.signal?.key($0) } ?? track.shown?.keyEstimate)?.strength)
            default: fatalError("not among the sorts this test draws")
            }
        }
        let present = tracks.filter { value($0) != nil }
        let ascending = present.enumerated().sorted { lhs, rhs in
            let (left, right) = (value(lhs.element)!, value(rhs.element)!)
            return left != right ? (query.order == .descending ? left > right : left < right) : lhs.offset < rhs.offset
        }.map(\.element)
        return ascending + tracks.filter { value($0) == nil }
    }

    /// The filters as documented: AND of every one present; a track lacking what a filter reads fails it.
    private static func accepts(_ track: TrackDescriptors, _ query: PlaylistQuery, styleLabels: [String]) -> Bool {
        func within(_ range: ValueRange?, _ value: Double?) -> Bool {
            guard let range else { return true }
            guard let value else { return false }
            return range.contains(value)
        }
        if !query.styles.isEmpty {
            guard let styles = track.effnet?.styles.values else { return false }
            let best = query.styles.map { Double(styles[styleLabels.firstIndex(of: $0)!]) }.max()!
            if best < query.activation { return false }
        }
        if query.voice != .any {
            guard let voice = track.effnet?.voice, (query.voice == .vocal) == (voice >= 0.5) else { return false }
        }
        let key = query.profile.map { track.signal?.key($0) } ?? track.shown?.keyEstimate
        let keyClass = key.flatMap { KeyClass(key: $0.key, scale: $0.scale) }
        if let tonic = query.tonic, keyClass?.pitchClass != tonic { return false }
        if let scale = query.scale, keyClass?.scale != scale { return false }
        return within(query.bpm, track.shown?.bpm) && within(query.danceability, track.shown?.danceability)
            && within(query.arousal, track.musicnn?.arousal) && within(query.valence, track.musicnn?.valence)
            && within(query.loudness, track.signal?.loudnessLufs)
    }

    func testSimilarWithAFilterReturnsOnlyTracksItAccepts() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("s.sqlite").path)
        for number in 0..<30 {
            try builder.addTrack(path: "/m/\(number).mp3", bpm: Double(90 + number * 2), styles: [Float](repeating: 0, count: 400),
                                 voice: number % 2 == 0 ? 0.1 : 0.9, musicnnEmbedding: [1, Float(number) / 30, 0.5])
        }
        let catalog = try Catalog.load(from: builder.store)
        let filter = try PlaylistQuery(parameters: [("bpm", "100-130"), ("voice", "instrumental")])
        let accepted = Set(try catalog.playlists.matchingRows(filter).map { catalog.playlists.tracks[$0].track.id! })
        let found = try catalog.similar(seeds: [catalog.resolve("/m/0.mp3")], by: .musicnn, count: 50, filter: filter)
        XCTAssertEqual(Set(found.map(\.track.id!)), accepted, "every accepted track, nothing else")
        XCTAssertEqual(accepted.count, 8)
    }

    func testTracksResolveByPathInTheStoresByteOrder() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("s.sqlite").path)
        // A decomposed é (e + U+0301) sorts before "é" by bytes but after it in Swift's String order.
        let paths = ["/m/e\u{301}z.mp3", "/m/\u{e9}a.mp3", "/m/Zebra.mp3", "/m/apple.mp3", "/m/日本.mp3", "/m/ä/b.mp3"]
        var ids: [String: Int64] = [:]
        for path in paths { ids[path] = try builder.addTrack(path: path) }
        let catalog = try Catalog.load(from: builder.store)
        for path in paths {
            XCTAssertEqual(try catalog.resolve(path).id, ids[path], path)
        }
        XCTAssertThrowsError(try catalog.resolve("/m/b.mp3"))
    }
}
