import ArgumentParser
import Foundation
import Models

struct ConvertModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert the embedding backbones (MSD-MusiCNN, Discogs-EffNet) to ONNX, so analysis runs them faster.",
        discussion: """
            Each graph found on the search path is converted with tf2onnx and run next to the TensorFlow original \
            on the same input; only a conversion whose output agrees within 1e-4 is kept, in \
            $XDG_CACHE_HOME/tonearm/onnx (else ~/.cache/tonearm/onnx), named by the original's sha256. \
            `tonearm analyze` then uses it; without it the backbone runs on TensorFlow with the same results, slower.
            """
    )

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Python interpreter of the converter venv (default: $TONEARM_CONVERT_PYTHON, else .venv-convert beside the build).")
    var python: String?

    @Flag(help: "Convert again even where a verified conversion exists.")
    var force = false

    func run() throws {
        let locator = modelOptions.locator
        let backbones = try locator.locateAll().models.values.filter(\.role.isConvertible).sorted { $0.role.rawValue < $1.role.rawValue }
        guard !backbones.isEmpty, let cache = locator.conversions else {
            throw UserError("no backbone graph (msd-musicnn-1.pb, discogs-effnet-bs64-1.pb) on the search path: "
                + "give --models, or run `tonearm models fetch`")
        }
        let pending = backbones.filter { force || $0.conversion?.onnx == nil }
        backbones.filter { !pending.contains($0) }.forEach { print("\($0.role.spec.name): already converted") }
        guard !pending.isEmpty else { return }
        print("converting \(pending.map(\.role.spec.name).joined(separator: ", ")) into \(cache.folder.path)")
        let outcomes = try ModelConverter(python: try converterPython(python), cache: cache).convert(pending)
        outcomes.forEach { print($0.summary) }
        if outcomes.contains(where: { $0.error != nil }) {
            throw ExitCode.failure
        }
    }
}
