import Foundation
import NIOPosix

/// Threads of the API's own for the replies that take long: a library-wide list, a mix, a page of a
/// sync. Handlers otherwise run on Swift's cooperative pool, one thread per core, which also answers
/// every other request of the server: two 500-song pages there held up every login, star and scrobble
/// behind them. Here they queue among themselves, and the pool keeps serving the short requests.
enum ReplyThreads {
    /// As many threads as cores, so the long replies can use the whole machine when nothing else runs;
    /// never shut down, since the server's routes live as long as the process.
    private static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: ProcessInfo.processInfo.activeProcessorCount)
        pool.start()
        return pool
    }()

    static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await pool.runIfActive(work)
    }

    /// Methods whose reply can hold hundreds of entries or looks through the whole library or every
    /// embedding; the rest answer from one item or from the user's marks in well under a millisecond.
    static let longMethods: Set<String> = [
        "getIndexes", "getMusicDirectory", "getArtists", "getArtist", "getAlbumList", "getAlbumList2", "getRandomSongs",
        "getSongsByGenre", "getGenres", "search", "search2", "search3", "getPlaylists", "getPlaylist", "createPlaylist",
        "updatePlaylist", "getSimilarSongs", "getSimilarSongs2", "getTopSongs", "getSonicSimilarTracks", "findSonicPath",
        "getStarred", "getStarred2", "getPlayQueue", "getPlayQueueByIndex", "getArtistInfo", "getArtistInfo2",
    ]
}
