import ArgumentParser
import Models

/// Where the Essentia model files are looked for; shared by every command that needs models.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("models"), help: ArgumentHelp(
        "A folder holding model files (.pb with its .json); repeat to search several.",
        discussion: """
            Folders are searched in this order and the first one holding a model's .pb and .json wins: \
            each --models folder as given, then the colon-separated folders in TONEARM_MODELS, then the \
            cache that `tonearm models fetch` fills ($XDG_CACHE_HOME/tonearm/models, else ~/.cache/tonearm/models).
            """,
        valueName: "dir"))
    var folders: [String] = []

    var locator: ModelLocator { ModelLocator(flags: folders) }
}
