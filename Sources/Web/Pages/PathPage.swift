import Foundation
import Playlists
import TrackStore

/// The song path page: pick a start and an end by searching, then see and play the path between them.
struct PathPage {
    struct Pick {
        let name: String
        let link: String
    }

    struct Step {
        let rank: Int
        let id: Int64
        let name: String
        let stepCosine: String
        let player: AudioPlayer
    }

    let chrome: Chrome
    let startName: String?
    let endName: String?
    let search: String
    /// Which end a search result becomes: the start until one is chosen, then the end.
    let picking: String
    /// The URL parameter a picked track fills: `from` for the start, `to` for the end.
    let pickParameter: String
    let picks: [Pick]
    let searched: Bool
    let kindOptions: [FormOption]
    let length: String
    let fromId: String
    let toId: String
    let steps: [Step]
    let smoothness: String
    let hasPath: Bool
    let failure: String?
    let m3u8Link: String

    init(chrome: Chrome, query: PathQuery, catalog: Catalog) {
        self.chrome = chrome
        startName = query.from?.displayName
        endName = query.to?.displayName
        search = query.search ?? ""
        searched = query.search != nil
        picking = query.from == nil ? "start" : "end"
        pickParameter = query.from == nil ? "from" : "to"
        picks = (query.search.map { catalog.search($0, limit: SimilarPage.searchLimit) } ?? []).map { track in
            let parameters = query.from == nil ? query.parameters(from: .some(track)) : query.parameters(to: .some(track))
            return Pick(name: track.displayName, link: SitePaths.link(SitePaths.path, parameters))
        }
        kindOptions = FormOption.list(EmbeddingKind.allCases.map { ($0.rawValue, $0.rawValue) }, selected: query.kind.rawValue)
        length = String(query.length)
        fromId = query.from.map { String($0.id!) } ?? ""
        toId = query.to.map { String($0.id!) } ?? ""
        m3u8Link = SitePaths.link(SitePaths.pathDownload, query.parameters())
        var steps: [Step] = [], smoothness = "", failure: String?
        if let from = query.from, let to = query.to {
            do {
                let path = try catalog.path(from: from, to: to, length: query.length, by: query.kind)
                steps = path.tracks.enumerated().map { index, track in
                    Step(rank: index + 1, id: track.id!, name: track.displayName,
                         stepCosine: index == 0 ? "" : PlaylistColumn.number(path.stepCosines[index - 1], digits: 3),
                         player: AudioPlayer(track))
                }
                smoothness = path.smoothness.description
            } catch {
                failure = "\(error)"
            }
        }
        self.steps = steps
        self.smoothness = smoothness
        hasPath = !steps.isEmpty
        self.failure = failure
    }
}
