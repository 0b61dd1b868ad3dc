import Foundation
import TestSupport
import TrackStore
import XCTest

/// `tonearm analyze --fast`: the groups it changes are stored marked `+fast`, a fast run takes rows of
/// either mode as current, and a default run computes the fast rows again, to plain Essentia's numbers.
final class FastModeTests: TemporaryDirectoryTestCase {
    private let fastGroups: Set<AnalysisGroup> = [.effnet, .musicnn]

    func testFastRowsAreMarkedKeptByFastRunsAndRecomputedByADefaultRun() throws {
        let audio = directory.appendingPathComponent("audio")
        try copyAudio(["kevin_macleod_vibe_ace.mp3", "boomboxhead_dont_matter_mono.flac"], to: audio)
        let db = directory.appendingPathComponent("store.sqlite").path
        let models = try Fixtures.modelsWithStandin(in: directory)

        let (fastRun, _) = try analyze(audio, db: db, models: models, extra: ["--fast"])
        XCTAssertTrue(fastRun.stdout.contains("fast mode:"), fastRun.stdout)
        let store = try TrackStore(path: db)
        let fast = try store.storedGroups()
        XCTAssertEqual(fast.count, 2)
        for groups in fast.values {
            XCTAssertEqual(Set(groups.keys), Set(AnalysisGroup.allCases))
            for (group, provenance) in groups {
                XCTAssertEqual(provenance.hasSuffix("+fast"), fastGroups.contains(group), "\(group): \(provenance)")
            }
        }
        let fastMoods = try moods(store)

        let (_, again) = try analyze(audio, db: db, models: models, extra: ["--fast"])
        XCTAssertEqual(workerRequests(again), 0, "fast rows are current for a fast run")

        let (_, standard) = try analyze(audio, db: db, models: models)
        XCTAssertEqual(workerRequests(standard), 2)
        let stages = (standard["workers"] as? [String: Any])?["stageSeconds"] as? [String: Double] ?? [:]
        for untouched in ["rhythm", "key", "loudness", "tempocnn"] {
            XCTAssertNil(stages[untouched], "the groups the fast mode does not change are not recomputed")
        }
        let recomputed = try store.storedGroups()
        for (track, groups) in recomputed {
            XCTAssertFalse(groups.values.contains { $0.hasSuffix("+fast") }, "\(groups)")
            XCTAssertEqual(groups.filter { !fastGroups.contains($0.key) }, fast[track]?.filter { !fastGroups.contains($0.key) })
        }
        let standardMoods = try moods(store)
        XCTAssertNotEqual(standardMoods, fastMoods, "fewer patches give other means")
        for (name, mood) in standardMoods {
            XCTAssertEqual(mood.arousal, fastMoods[name]?.arousal ?? .nan, accuracy: 0.5)
            XCTAssertEqual(mood.valence, fastMoods[name]?.valence ?? .nan, accuracy: 0.5)
        }

        let (_, fastAfterDefault) = try analyze(audio, db: db, models: models, extra: ["--fast"])
        XCTAssertEqual(workerRequests(fastAfterDefault), 0, "default rows are current for a fast run")
        XCTAssertEqual(try store.storedGroups(), recomputed)
    }

    private struct Mood: Equatable {
        var arousal: Double
        var valence: Double
    }

    private func moods(_ store: TrackStore) throws -> [String: Mood] {
        Dictionary(uniqueKeysWithValues: try store.descriptors().map { item in
            ((item.track.path as NSString).lastPathComponent,
             Mood(arousal: item.musicnn?.arousal ?? .nan, valence: item.musicnn?.valence ?? .nan))
        })
    }
}
