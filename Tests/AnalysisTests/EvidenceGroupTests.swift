import Foundation
import GRDB
import TestSupport
import TrackStore
import XCTest

/// The evidence group on the shared collection, and added to a store analyzed before it existed.
final class EvidenceGroupTests: TemporaryDirectoryTestCase {
    private let names = ["kevin_macleod_vibe_ace.mp3", "brahms_hungarian_dance_no5_us_army_strings.ogg"]

    func testEveryAnalyzedTrackHasEvidenceAndShownDescriptors() throws {
        let built = try AnalyzedCollection.get()
        let tracks = Dictionary(uniqueKeysWithValues: try built.store.descriptors().map { (($0.track.path as NSString).lastPathComponent, $0) })
        for (name, item) in tracks {
            let evidence = try XCTUnwrap(item.evidence, name)
            let shown = try XCTUnwrap(item.shown, name)
            XCTAssertEqual(shown.ruleVersion, ShownDescriptors.ruleVersion)
            XCTAssertEqual(evidence.keys.count, EvidenceFeatures.extraProfiles.count, name)
            XCTAssertTrue((0...3).contains(evidence.danceabilityDsp), name)
            XCTAssertTrue((415.3...466.2).contains(evidence.tuningHz), "\(name): within a semitone of 440 Hz")
            XCTAssertEqual(shown.danceabilitySource, "effnet", "the stand-in's head is there")
            if item.signal?.bpm == 0 {
                XCTAssertEqual(shown.bpm, 0, "\(name): no tempo for digital silence")
            } else {
                XCTAssertTrue((30...300).contains(shown.bpm ?? 0), "\(name) \(shown.bpm ?? -1)")
            }
        }
    }

    func testAStoreFromBeforeTheGroupComputesOnlyIt() throws {
        let built = try AnalyzedCollection.get()
        let db = directory.appendingPathComponent("older.sqlite").path
        // VACUUM INTO copies a consistent snapshot and cannot run inside a transaction.
        try built.store.dbPool.writeWithoutTransaction { try $0.execute(sql: "VACUUM INTO ?", arguments: [db]) }
        // Make two tracks look analyzed before the evidence group existed, and mark their other groups'
        // rows so that recomputing any of them would show.
        let older = try TrackStore(path: db)
        let ids = try older.dbPool.write { db -> [Int64] in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM track").filter { id in
                let path = try String.fetchOne(db, sql: "SELECT path FROM track WHERE id = ?", arguments: [id]) ?? ""
                return self.names.contains((path as NSString).lastPathComponent)
            }
            for id in ids {
                try db.execute(sql: "DELETE FROM evidence_features WHERE trackId = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM shown_descriptors WHERE trackId = ?", arguments: [id])
                try db.execute(sql: "UPDATE signal_features SET loudnessRangeLu = -1 WHERE trackId = ?", arguments: [id])
                try db.execute(sql: "UPDATE tempocnn_features SET localAgreement = -1 WHERE trackId = ?", arguments: [id])
                try db.execute(sql: "UPDATE effnet_features SET voice = -1 WHERE trackId = ?", arguments: [id])
                try db.execute(sql: "UPDATE musicnn_features SET valence = -1 WHERE trackId = ?", arguments: [id])
            }
            return ids
        }
        XCTAssertEqual(ids.count, names.count)
        XCTAssertEqual(try older.status().incomplete, names.count)

        let (_, summary) = try analyze(built.folder, db: db, models: built.models)
        XCTAssertEqual(workerRequests(summary), names.count, "only the two tracks lacking the group")
        let after = try TrackStore(path: db, readOnly: true)
        XCTAssertEqual(try after.status().incomplete, 0)
        let reference = Dictionary(uniqueKeysWithValues: try built.store.descriptors().map { ($0.track.id!, $0) })
        for item in try after.descriptors() where ids.contains(item.track.id!) {
            XCTAssertEqual(item.signal?.loudnessRangeLu, -1, "signal not recomputed")
            XCTAssertEqual(item.tempoCNN?.localAgreement, -1, "tempocnn not recomputed")
            XCTAssertEqual(item.effnet?.voice, -1, "effnet not recomputed")
            XCTAssertEqual(item.musicnn?.valence, -1, "musicnn not recomputed")
            XCTAssertEqual(item.evidence, reference[item.track.id!]?.evidence, "the group alone gives what it gives with the others")
            XCTAssertEqual(item.shown?.ruleVersion, ShownDescriptors.ruleVersion, "shown descriptors recomputed")
            XCTAssertEqual(item.shown?.key, reference[item.track.id!]?.shown?.key, "the key does not depend on the marked rows")
        }
    }
}
