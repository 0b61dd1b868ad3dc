import Foundation
import Models
import TestSupport
import XCTest

final class ModelFetcherTests: XCTestCase {
    private var site: ModelSite!
    private var cache: URL!

    override func setUpWithError() throws {
        site = try ModelSite()
        cache = try Fixtures.temporaryDirectory("tonearm-cache").appendingPathComponent("tonearm/models")
    }

    override func tearDown() {
        site?.stop()
        if let cache {
            try? FileManager.default.removeItem(at: cache.deletingLastPathComponent().deletingLastPathComponent())
        }
    }

    private var fetcher: ModelFetcher { ModelFetcher(site: site.url, destination: cache) }

    private func cacheContents() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: cache.path))
    }

    func testFetchIntoEmptyCacheDownloadsEveryServedFileAndReportsTheMissingGraph() async throws {
        let results = await fetcher.fetch(ModelRole.allCases)

        let failures = results.filter(\.failed)
        XCTAssertEqual(failures.map(\.file.name), ["discogs-effnet-bs64-1.pb"])
        XCTAssertTrue(failures[0].summary.contains("HTTP 404"), failures[0].summary)
        XCTAssertFalse(failures[0].summary.contains("\n"))
        XCTAssertEqual(results.filter { !$0.failed && $0.outcome != .alreadyPresent }.count, ModelRole.allCases.count * 2 - 1)

        let models = try ModelLocator(searchPath: [cache]).locateAll()
        XCTAssertEqual(models.missingRoles, [.effnet])
        XCTAssertTrue(models.models.values.allSatisfy(\.verified))
        let expected = Set(ModelRole.allCases.flatMap(\.spec.files).map(\.name)).subtracting(["discogs-effnet-bs64-1.pb"])
        XCTAssertEqual(try cacheContents(), expected, "only verified files, no partial downloads")
    }

    func testSecondFetchDownloadsNothing() async throws {
        _ = await fetcher.fetch(ModelRole.allCases)
        let again = await fetcher.fetch(ModelRole.allCases)

        XCTAssertEqual(again.filter { $0.outcome == .alreadyPresent }.count, ModelRole.allCases.count * 2 - 1)
        XCTAssertEqual(again.filter(\.failed).map(\.file.name), ["discogs-effnet-bs64-1.pb"])
    }

    func testServedFileWithWrongBytesIsRejectedAndLeavesNothingBehind() async throws {
        let graph = ModelRole.genre.spec.graph
        try site.replace(graph, with: Data("not the genre head".utf8))

        let results = await fetcher.fetch([.genre])

        XCTAssertEqual(results.filter(\.failed).map(\.file.name), [graph.name])
        XCTAssertTrue(results.first { $0.failed }!.summary.contains("not the official digest"))
        XCTAssertEqual(try cacheContents(), [ModelRole.genre.spec.metadataFile])
    }

    func testUnverifiedFileInTheDestinationIsReplacedByTheOfficialOne() async throws {
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let target = cache.appendingPathComponent(ModelRole.tempocnn.spec.graphFile)
        try Data("stale".utf8).write(to: target)

        let results = await fetcher.fetch([.tempocnn])

        XCTAssertFalse(results.contains(where: \.failed), results.map(\.summary).joined(separator: "\n"))
        XCTAssertEqual(try ModelLocator(searchPath: [cache]).locate(.tempocnn)?.verified, true)
    }

    func testSiteComesFromFlagThenEnvironmentThenOfficialDefault() throws {
        let environment = ["TONEARM_MODELS_URL": "http://mirror.example/models"]
        XCTAssertEqual(try ModelFetcher.site(flag: "https://flag.example/m", environment: environment).host, "flag.example")
        XCTAssertEqual(try ModelFetcher.site(flag: nil, environment: environment).host, "mirror.example")
        XCTAssertEqual(try ModelFetcher.site(flag: nil, environment: [:]), ModelFetcher.officialSite)
        XCTAssertThrowsError(try ModelFetcher.site(flag: "/not/a/site", environment: [:]))
    }
}
