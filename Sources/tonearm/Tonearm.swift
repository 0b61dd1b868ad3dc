import ArgumentParser

@main
struct Tonearm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tonearm",
        abstract: "Listen to a music collection with Essentia and make it explorable.",
        discussion: """
            Typical use: `tonearm analyze ~/Music`, then `tonearm report` and `tonearm serve`.
            Every command works on one store, ./tonearm.sqlite unless --db says otherwise.
            """,
        subcommands: [AnalyzeCommand.self, ScanCommand.self, StatusCommand.self, ReportCommand.self, ExportCommand.self,
                      PlaylistCommand.self, SimilarCommand.self, PathCommand.self, ServeCommand.self, UsersCommand.self,
                      EvaluateCommand.self, ModelsCommand.self, PruneCommand.self, TagCommand.self, PushCommand.self, RadioCommand.self]
    )
}
