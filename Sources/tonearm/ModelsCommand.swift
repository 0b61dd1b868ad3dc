import ArgumentParser

struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "Show which Essentia model files are found and verified, or fetch the missing ones.",
        subcommands: [ListModelsCommand.self, FetchModelsCommand.self],
        defaultSubcommand: ListModelsCommand.self
    )
}
