import ArgumentParser
import Foundation
import Models

struct FetchModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download the models missing from the search path, keeping only files with the official sha256.",
        discussion: "Exits non-zero when any file could not be downloaded or verified; the others are kept."
    )

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: ArgumentHelp(
        "Root of the model site; overrides TONEARM_MODELS_URL.",
        discussion: "Default: \(ModelFetcher.officialSite.absoluteString)", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Folder to download into. Default: the model cache.", valueName: "dir"))
    var into: String?

    func run() async throws {
        let site = try ModelFetcher.site(flag: baseURL)
        let destination = into.map { URL(fileURLWithPath: $0) } ?? ModelLocator.cacheDirectory()
        // The destination counts as searched, so a second `--into DIR` run finds what the first one fetched.
        let locator = ModelLocator(searchPath: modelOptions.locator.searchPath + [destination])
        let missing = try locator.locateAll().missingRoles
        guard !missing.isEmpty else {
            print("every model is present; nothing to fetch")
            return
        }
        print("fetching from \(site.absoluteString) into \(destination.path)")
        let results = await ModelFetcher(site: site, destination: destination).fetch(missing)
        results.forEach { print($0.summary) }
        print("`tonearm models convert` then moves the embedding models and heads to ONNX Runtime (faster analysis)")
        if results.contains(where: \.failed) {
            throw ExitCode.failure
        }
    }
}
