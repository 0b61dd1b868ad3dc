import ArgumentParser
import Foundation
import StoreLock
import Tagging

extension GenreSource: ExpressibleByArgument {}

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Write the shown tempo and key, a mood, ReplayGain and tonearm's descriptors into the audio files' tags.",
        discussion: """
            A dry run unless --write: prints each field that would change. Only files unchanged since their analysis are written, each through a checked copy renamed over it (owner and mode kept); the old values are kept in the store, and `tonearm tag --undo --write` puts them back. MP3 (ID3v2.3/2.4), FLAC, Ogg Vorbis, Opus and M4A; other files are skipped with a reason.

            Example: tonearm tag ~/Music/Jazz --write
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "Only the tracks under these folders or at these paths (default: every analyzed track).")
    var paths: [String] = []
    @Flag(help: "Write the files (without it, only show what would change).")
    var write = false
    @Flag(help: "Put back the values the files had before tonearm wrote them.")
    var undo = false
    @Option(help: "Also write GENRE from the top Discogs style: parent (\"Electronic\") or style (\"House\"). Off by default.")
    var genre: GenreSource?
    @Option(help: "The worker venv's Python (default: $TONEARM_PYTHON, else .venv).")
    var python: String?

    func run() throws {
        let trackStore = try store.openExisting(readOnly: false)
        let lock = try AnalysisLock(storePath: store.absolutePath)
        defer { withExtendedLifetime(lock) {} }
        let folders = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        var run = try TagRun(store: trackStore, python: try workerPython(python),
                             options: TagRun.Options(write: write, genre: genre, paths: folders)) { line in
            print(line)
            fflush(stdout)  // one line per file as it happens, also into a pipe
        }
        let summary = try undo ? run.undo() : run.tag()
        let verb = undo ? "restored" : "tagged"
        print(write
            ? "\(summary.changed) files \(verb), \(summary.unchanged) already as they should be, \(summary.skipped) skipped, \(summary.failed) failed"
            : "dry run: \(summary.changed) files would be \(verb), \(summary.unchanged) already as they should be, \(summary.skipped) skipped, \(summary.failed) failed (add --write to write)")
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
