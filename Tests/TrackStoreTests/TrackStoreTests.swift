import Foundation
import TestSupport
import TrackStore
import XCTest

final class TrackStoreTests: TemporaryDirectoryTestCase {
    func testVectorsRoundTripAsFloat32Blobs() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("s.sqlite").path)
        let styles = (0..<400).map { Float($0) / 400 }
        let embedding = (0..<1280).map { Float(sin(Double($0))) }
        let id = try builder.addTrack(path: "/a.mp3", styles: styles, effnetEmbedding: embedding,
                                      musicnnEmbedding: [Float](repeating: -1.5, count: 200))
        XCTAssertEqual(try builder.store.embeddings(.effnet)[id], embedding)
        XCTAssertEqual(try builder.store.embeddings(.musicnn)[id]?.count, 200)
        XCTAssertEqual(try builder.store.descriptors().first?.effnet?.styles.values, styles)
        let blobBytes = try builder.store.dbPool.read {
            try Int.fetchOne($0, sql: "SELECT length(embedding) FROM effnet_features")
        }
        XCTAssertEqual(blobBytes, 1280 * 4)
    }

    func testChangedFileLosesOldDescriptorsAndVanishedFileIsKeptUntilPrune() throws {
        let builder = try StoreBuilder(path: directory.appendingPathComponent("s.sqlite").path)
        let changed = try builder.addTrack(path: "/changed.mp3", styles: [Float](repeating: 0, count: 400))
        let gone = try builder.addTrack(path: "/gone.mp3")
        let store = builder.store
        try store.applyScan(added: [], changed: [(changed, FoundFile(path: "/changed.mp3", size: 5, mtime: 9))],
                            reappeared: [], vanished: [gone])
        XCTAssertEqual(try store.storedGroups()[changed], nil)
        XCTAssertEqual(try store.track(id: changed)?.state, .pending)
        XCTAssertEqual(try store.track(id: gone)?.state, .missing)
        XCTAssertEqual(try store.pruneMissing(), 1)
        XCTAssertNil(try store.track(id: gone))
    }

    func testGroupFailureKeepsTheOtherGroupsAndRecordsTheReason() throws {
        let store = try TrackStore(path: directory.appendingPathComponent("s.sqlite").path)
        try store.applyScan(added: [FoundFile(path: "/x.wav", size: 1, mtime: 1)], changed: [], reappeared: [], vanished: [])
        let id = try store.track(path: "/x.wav")!.id!
        var analysis = TrackAnalysis(trackId: id)
        analysis.tempoCNN = TempoCNNFeatures(trackId: id, bpm: 100, localAgreement: 0.5, provenance: "p")
        analysis.groupErrors = [.musicnn: "boom"]
        try store.save(analysis)
        XCTAssertEqual(try store.track(id: id)?.state, .failed)
        XCTAssertEqual(try store.storedGroups()[id], [.tempoCNN: "p"])
        XCTAssertEqual(try store.errors().map(\.stage), ["musicnn"])
        XCTAssertEqual(try store.status().failureReasons.first?.message, "boom")
    }

    func testStoreFromNewerSchemaIsRefused() throws {
        let path = directory.appendingPathComponent("s.sqlite").path
        let store = try TrackStore(path: path)
        try store.dbPool.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999-future')") }
        XCTAssertThrowsError(try TrackStore(path: path)) { error in
            XCTAssertTrue("\(error)".contains("newer tonearm"), "\(error)")
        }
    }

    func testGarbageFileIsRefusedWithOneLine() throws {
        let path = directory.appendingPathComponent("junk.sqlite")
        try Data("this is not a database at all, just text padding it out".utf8).write(to: path)
        XCTAssertThrowsError(try TrackStore(path: path.path)) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot open store"), "\(error)")
        }
    }
}
