import TrackStore

/// An in-page `<audio>` player for one track, streamed from the audio route by id.
struct AudioPlayer {
    let name: String
    let source: String

    init(_ track: Track) {
        name = track.displayName
        source = SitePaths.audio(track.id!)
    }
}
