import ArgumentParser

struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "Show which Essentia model files are found and verified, fetch the missing ones, convert them to ONNX.",
        subcommands: [ListModelsCommand.self, FetchModelsCommand.self, ConvertModelsCommand.self],
        defaultSubcommand: ListModelsCommand.self
    )
}
