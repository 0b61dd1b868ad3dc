import Playlists
import TrackStore

/// The "Save playlist" form under the playlists page's results: the page's query travels as a hidden field.
struct PlaylistSaveForm {
    let csrf: String
    let query: String
}

/// The Saved page: the owner's smart playlists, each re-run against today's collection.
struct SavedPage {
    struct Entry {
        let id: Int64
        let name: String
        let matches: Int
        let link: String
        let download: String
        let delete: String
    }

    let chrome: Chrome
    let csrf: String
    let folder: String
    let entries: [Entry]
    let isEmpty: Bool
}

/// Asked before a save would replace a different playlist of the same name.
struct SaveConfirmPage {
    let chrome: Chrome
    let csrf: String
    let name: String
    let query: String
    let oldLink: String
    let newLink: String
}

/// Asked before a delete, for browsers without the confirming script.
struct DeleteConfirmPage {
    let chrome: Chrome
    let csrf: String
    let name: String
    let delete: String
}
