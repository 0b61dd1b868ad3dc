import ArgumentParser
import Foundation
import Models
import TrackStore

struct ListModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every model file: where it was found, its size, and whether its sha256 is the official one."
    )

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        let locator = modelOptions.locator
        print("search path (first folder holding both files of a model wins):")
        for folder in locator.searchPath {
            print("  \(folder.path)")
        }
        print("")
        for role in ModelRole.allCases {
            for status in try locator.fileStatuses(of: role) {
                print(line(for: status))
            }
        }
        let models = try locator.locateAll()
        let runtimes = ModelRole.allCases.compactMap { models.models[$0].map(ModelRuntime.line(for:)) }
        if !runtimes.isEmpty {
            print("")
            print("runtimes (ONNX conversions in \(locator.conversions?.folder.path ?? "-")):")
            runtimes.forEach { print("  \($0)") }
        }
        let disabled = AnalysisGroup.allCases.filter { !models.availableGroups.contains($0) }
        if let missing = models.missingMessage(searchPath: locator.searchPath) {
            print("")
            print("groups that cannot run: \(disabled.map(\.rawValue).joined(separator: ", "))")
            print(missing)
        }
    }

    private func line(for status: ModelFileStatus) -> String {
        let file = status.role.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
            + status.file.name.padding(toLength: 41, withPad: " ", startingAt: 0)
        guard let location = status.location, let sha256 = status.sha256 else { return file + "MISSING" }
        let size = ByteCountFormatter.string(fromByteCount: status.size ?? 0, countStyle: .file)
        let check = status.verified ? "verified" : "UNVERIFIED (sha256 \(sha256.prefix(12))…)"
        return file + String(repeating: " ", count: max(0, 8 - size.count)) + size + "  "
            + check.padding(toLength: 34, withPad: " ", startingAt: 0) + location.deletingLastPathComponent().path
    }
}
