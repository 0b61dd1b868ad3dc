import Foundation
import Playlists
import TrackStore

/// The similar page: a track search, and for a chosen track its neighbours by each embedding.
struct SimilarPage {
    struct Found {
        let id: Int64
        let name: String
        let fileName: String
    }

    struct Neighbour {
        let id: Int64
        let name: String
        /// This track as the new query, keeping the filters.
        let link: String
        let score: String
        let player: AudioPlayer
    }

    struct NeighbourList {
        let kind: String
        let title: String
        let available: Bool
        let unavailable: String
        let neighbours: [Neighbour]
        let m3u8Link: String
    }

    struct QueryTrack {
        let id: Int64
        let name: String
        let path: String
        let player: AudioPlayer
        let descriptors: TrackFacts?
        let lists: [NeighbourList]
    }

    static let neighbourCount = 10
    static let searchLimit = 50

    let chrome: Chrome
    let search: String
    let searched: Bool
    let found: [Found]
    /// More tracks matched than `found` lists.
    let truncated: Bool
    let query: QueryTrack?
    let filters: DescriptorFilterFields

    init(chrome: Chrome, query: SimilarQuery, catalog: Catalog) {
        filters = DescriptorFilterFields(query.filter)
        self.chrome = chrome
        search = query.search ?? ""
        searched = query.search != nil
        let matches = query.search.map { catalog.search($0, limit: Self.searchLimit + 1) } ?? []
        found = matches.prefix(Self.searchLimit).map { track in
            Found(id: track.id!, name: track.displayName, fileName: (track.path as NSString).lastPathComponent)
        }
        truncated = matches.count > Self.searchLimit
        self.query = query.track.map { track in
            QueryTrack(id: track.id!, name: track.displayName, path: track.path, player: AudioPlayer(track),
                       descriptors: catalog.playlists.tracks.first { $0.track.id == track.id }
                           .map { TrackFacts($0, styleLabels: catalog.playlists.styleLabels) },
                       lists: EmbeddingKind.allCases.map { Self.neighbours(of: track, by: $0, filter: query.filter, in: catalog) })
        }
    }

    /// The neighbours the page lists and the download returns: the nearest that pass the filter.
    static func neighbours(of track: Track, by kind: EmbeddingKind, filter: PlaylistQuery, in catalog: Catalog) throws -> [SimilarTrack] {
        try catalog.similar(seeds: [track], by: kind, count: neighbourCount,
                            filter: filter.parameters.isEmpty ? nil : filter)
    }

    private static func neighbours(of track: Track, by kind: EmbeddingKind, filter: PlaylistQuery, in catalog: Catalog) -> NeighbourList {
        let title = kind == .effnet ? "Discogs-EffNet" : "MSD-MusiCNN"
        let link = SitePaths.link(SitePaths.similarDownload,
                                  [("track", String(track.id!)), ("by", kind.rawValue)] + filter.parameters)
        do {
            let neighbours = try neighbours(of: track, by: kind, filter: filter, in: catalog).map { similar in
                Neighbour(id: similar.track.id!, name: similar.track.displayName,
                          link: SitePaths.link(SitePaths.similar, [("track", String(similar.track.id!))] + filter.parameters),
                          score: PlaylistColumn.number(similar.score, digits: 3), player: AudioPlayer(similar.track))
            }
            return NeighbourList(kind: kind.rawValue, title: title, available: true, unavailable: "",
                                 neighbours: neighbours, m3u8Link: link)
        } catch {
            return NeighbourList(kind: kind.rawValue, title: title, available: false, unavailable: "\(error)",
                                 neighbours: [], m3u8Link: link)
        }
    }
}
