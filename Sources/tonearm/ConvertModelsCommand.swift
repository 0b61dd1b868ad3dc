import ArgumentParser
import Foundation
import Models

struct ConvertModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert the embedding models (MSD-MusiCNN, Discogs-EffNet) and their heads to ONNX, so analysis runs faster.",
        discussion: """
            Each graph found on the search path is converted with tf2onnx and run next to the TensorFlow original \
            on the same input; only a conversion whose output agrees within 1e-4 is kept, in \
            $XDG_CACHE_HOME/tonearm/onnx (else ~/.cache/tonearm/onnx), named by the original's sha256. \
            `tonearm analyze` then uses it; without it the model runs on TensorFlow with the same results, slower. \
            TempoCNN is not converted.
            """
    )

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Python interpreter of the converter venv (default: $TONEARM_CONVERT_PYTHON, else .venv-convert beside the build).")
    var python: String?

    @Flag(help: "Convert again even where a verified conversion exists.")
    var force = false

    func run() throws {
        let locator = modelOptions.locator
        let models = try locator.locateAll()
        let convertible = ModelRole.allCases.filter(\.isConvertible).compactMap { models.models[$0] }
        guard !convertible.isEmpty, let cache = locator.conversions else {
            throw UserError("no model to convert on the search path (\(locator.searchPath.map(\.path).joined(separator: ", "))): "
                + "give --models, or run `tonearm models fetch`")
        }
        let pending = convertible.filter { force || $0.conversion?.onnx == nil }
        convertible.filter { !pending.contains($0) }.forEach { print("\($0.role.spec.name): already converted") }
        guard !pending.isEmpty else { return }
        print("converting \(pending.map(\.role.spec.name).joined(separator: ", ")) into \(cache.folder.path)")
        let outcomes = try ModelConverter(python: try converterPython(python), cache: cache).convert(pending)
        outcomes.forEach { print($0.summary) }
        if outcomes.contains(where: { $0.error != nil }) {
            throw ExitCode.failure
        }
    }
}
