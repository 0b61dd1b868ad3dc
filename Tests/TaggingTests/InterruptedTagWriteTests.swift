import CollectionScan
import Foundation
import TestSupport
import TrackStore
import XCTest

/// A `tonearm tag` killed after recording a write and before recording it done: the next scan tells
/// from the file's size and mtime whether the rename happened, and never takes tonearm's own write
/// for a changed file.
final class InterruptedTagWriteTests: TemporaryDirectoryTestCase {
    private func preparedWrite(renamed: Bool) throws -> (store: TrackStore, folder: TaggedFolder, file: URL) {
        let folder = try TaggedFolder(in: directory)
        let file = folder.url("fairy.flac")
        let store = try TrackStore(path: folder.store.path)
        let track = try XCTUnwrap(try store.track(path: file.path))
        // The checked copy a killed run leaves: the file with one more tag.
        let copy = file.deletingLastPathComponent().appendingPathComponent(".fairy.flac.tonearm-tag")
        try FileManager.default.copyItem(at: file, to: copy)
        try TaggedFolder.python("import mutagen; f = mutagen.File(sys.argv[1]); f['BPM'] = ['128']; f.save()", [copy.path])
        let written = try AudioFileFinder().file(at: copy.path)
        _ = try store.prepare(TagWrite(trackId: track.id!, kind: .tag, oldSize: track.size, oldMtime: track.mtime,
                                       newSize: written.size, newMtime: written.mtime,
                                       oldValues: ["BPM": nil], newValues: ["BPM": ["128"]]))
        if renamed { XCTAssertEqual(rename(copy.path, file.path), 0) }
        return (store, folder, file)
    }

    func testAWriteKilledAfterItsRenameIsSettledByTheScanNotReanalyzed() throws {
        let (store, folder, file) = try preparedWrite(renamed: true)
        let scan = try store.sync(root: folder.root.path)
        XCTAssertEqual(scan.changed, 0, "tonearm's own write taken for a change")
        let track = try XCTUnwrap(try store.track(path: file.path))
        XCTAssertEqual(track.state, .analyzed)
        XCTAssertEqual(track.size, try AudioFileFinder().file(at: file.path).size)
        XCTAssertEqual(try store.activeTagWrites()[track.id!]?.map(\.newValues), [["BPM": ["128"]]], "the undo still knows it")
        XCTAssertTrue(try store.preparedTagWrites().isEmpty)
    }

    func testAWriteKilledBeforeItsRenameIsDropped() throws {
        let (store, folder, file) = try preparedWrite(renamed: false)
        let scan = try store.sync(root: folder.root.path)
        XCTAssertEqual(scan.changed, 0)
        XCTAssertTrue(try store.preparedTagWrites().isEmpty)
        XCTAssertTrue(try store.activeTagWrites().isEmpty, "a write that never happened has nothing to undo")
        XCTAssertNil(try TaggedFolder.mutagenTags(file)["BPM"])
    }
}
