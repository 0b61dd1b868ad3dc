import Foundation
import Models
import TestSupport
import XCTest

final class ModelLocatorTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try Fixtures.temporaryDirectory("tonearm-locator")
    }

    override func tearDown() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// A folder under the scratch space holding links to the given shared files.
    private func folder(_ name: String, linking files: [URL]) throws -> URL {
        let folder = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(file.lastPathComponent),
                                                       withDestinationURL: file)
        }
        return folder
    }

    private var musicnnFiles: [URL] {
        ModelRole.musicnn.spec.files.map { Fixtures.models.appendingPathComponent($0.name) }
    }

    func testFlagFoldersComeBeforeEnvironmentFoldersBeforeTheCache() throws {
        let flag = try folder("flag", linking: musicnnFiles)
        let envFirst = try folder("env-first", linking: [])
        let envSecond = try folder("env-second", linking: musicnnFiles)
        let cache = try folder("xdg/tonearm/models", linking: musicnnFiles)
        let environment = ["TONEARM_MODELS": "\(envFirst.path):\(envSecond.path)",
                           "XDG_CACHE_HOME": scratch.appendingPathComponent("xdg").path]

        func foundIn(flags: [String]) throws -> URL? {
            try ModelLocator(flags: flags, environment: environment).locate(.musicnn)?.graph.deletingLastPathComponent()
        }

        XCTAssertEqual(try foundIn(flags: [flag.path])?.path, flag.path)
        XCTAssertEqual(try foundIn(flags: [])?.path, envSecond.path)
        try FileManager.default.removeItem(at: envSecond)
        XCTAssertEqual(try foundIn(flags: [])?.path, cache.path)
        XCTAssertEqual(ModelLocator(flags: [flag.path], environment: environment).searchPath.map(\.path),
                       [flag.path, envFirst.path, envSecond.path, cache.path])
    }

    func testAGraphWithoutItsMetadataBesideItIsNotLocated() throws {
        let graphOnly = try folder("graph-only", linking: [musicnnFiles[0]])
        let metadataOnly = try folder("metadata-only", linking: [musicnnFiles[1]])

        XCTAssertNil(try ModelLocator(searchPath: [graphOnly, metadataOnly]).locate(.musicnn))
    }

    func testStandInEffnetIsLocatedButUnverified() throws {
        let standIn = try folder("standin", linking: [
            Fixtures.modelsStandin.appendingPathComponent(ModelRole.effnet.spec.graphFile),
            Fixtures.models.appendingPathComponent(ModelRole.effnet.spec.metadataFile),
        ])
        let locator = ModelLocator(searchPath: [standIn])

        let located = try XCTUnwrap(try locator.locate(.effnet))
        XCTAssertFalse(located.verified)
        XCTAssertNotEqual(located.sha256, ModelRole.effnet.spec.sha256)
        let statuses = try locator.fileStatuses(of: .effnet)
        XCTAssertEqual(statuses.map(\.verified), [false, true], "graph unverified, metadata official")
        XCTAssertEqual(statuses[0].size, 750_611)
    }

    func testSharedModelsAreVerifiedAndOnlyTheEffnetGraphIsMissing() throws {
        let locator = ModelLocator(searchPath: [Fixtures.models])

        let statuses = try ModelRole.allCases.flatMap { try locator.fileStatuses(of: $0) }

        XCTAssertEqual(statuses.filter { $0.location == nil }.map(\.file.name), ["discogs-effnet-bs64-1.pb"])
        XCTAssertTrue(statuses.filter { $0.location != nil }.allSatisfy(\.verified))
    }

    func testMissingMessageNamesTheFilesAndTheFetchCommandOnOneLine() throws {
        let locator = ModelLocator(searchPath: [Fixtures.models])
        let models = try locator.locateAll()

        let message = try XCTUnwrap(models.missingMessage(searchPath: locator.searchPath))

        XCTAssertTrue(message.contains("discogs-effnet-bs64-1.pb, discogs-effnet-bs64-1.json"), message)
        XCTAssertTrue(message.contains("tonearm models fetch"), message)
        XCTAssertTrue(message.contains(Fixtures.models.path), message)
        XCTAssertFalse(message.contains("\n"))
        XCTAssertNil(models.missingMessage(for: [.musicnn, .tempocnn], searchPath: locator.searchPath))
    }
}

final class ProvenanceTests: XCTestCase {
    func testOnlyModelsWhoseDigestIsNotOfficialAreUnverified() {
        let official = ModelRole.genre.spec
        let provenance = "discogs-effnet-bs64-1@1b9aba050413+\(official.name)@\(official.sha256.prefix(12))"
        XCTAssertEqual(Provenance.unverifiedModels(in: provenance), ["discogs-effnet-bs64-1"])
        XCTAssertEqual(Provenance.unverifiedModels(in: "signal-v1"), [])
    }
}
