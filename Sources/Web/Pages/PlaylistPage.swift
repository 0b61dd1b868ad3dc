import Playlists
import TrackStore

/// The playlists page: the filter form filled from the query and one page of the matches.
struct PlaylistPage {
    struct StyleChoice {
        let name: String
        let checked: Bool
    }

    struct Row {
        let rank: Int
        let id: Int64
        let name: String
        let path: String
        /// Where the page's player fetches the track's audio.
        let audio: String
        let cells: [String]

        /// The rows of `entries`, ranked from `firstRank`.
        static func rows(_ entries: [PlaylistEntry], columns: [PlaylistColumn], firstRank: Int) -> [Row] {
            entries.enumerated().map { index, entry in
                Row(rank: firstRank + index, id: entry.track.id!, name: entry.track.displayName, path: entry.track.path,
                    audio: SitePaths.audio(entry.track.id!), cells: columns.map { $0.value(entry) })
            }
        }
    }

    /// A link to another page of the same playlist.
    struct PageLink {
        let label: String
        let href: String
    }

    let chrome: Chrome
    let hasStyles: Bool
    let styles: [StyleChoice]
    let activation: String
    let descriptorFields: DescriptorFilterFields
    let limit: String
    let profileOptions: [FormOption]
    let sortOptions: [FormOption]
    let orderOptions: [FormOption]
    let totalMatches: Int
    let trackCount: Int
    let limited: Bool
    let shown: Int
    let profile: String
    let headers: [String]
    let rows: [Row]
    /// Where the table's values come from a fallback or an unofficial model file.
    let valueNotes: [String]
    let firstShown: Int
    let lastShown: Int
    let paged: Bool
    let previousPage: PageLink?
    let nextPage: PageLink?
    let m3u8Link: String
    let permalink: String
    /// Set by the route, which knows the request's CSRF token.
    var saveForm: PlaylistSaveForm?

    init(chrome: Chrome, query: PlaylistQuery, result: PlaylistResult, engine: PlaylistEngine, slice: PlaylistSlice) {
        self.chrome = chrome
        // The label table is filled from the model's metadata, so it can exist while no track has activations.
        hasStyles = !engine.styleLabels.isEmpty && engine.tracks.contains { $0.effnet != nil }
        // Checked styles first, so a bookmarked playlist shows its choice without scrolling.
        let chosen = Set(query.styles)
        styles = (engine.styleLabels.filter(chosen.contains) + engine.styleLabels.filter { !chosen.contains($0) })
            .map { StyleChoice(name: $0, checked: chosen.contains($0)) }
        activation = String(query.activation)
        descriptorFields = DescriptorFilterFields(query)
        limit = query.limit.map(String.init) ?? ""
        // The shown key is the empty value: a bookmark follows it.
        profileOptions = FormOption.list([("", "shown key (fused)")] + KeyProfile.allCases.map { profile in
            (profile.rawValue, profile == engine.recommendedProfile ? "\(profile.rawValue) (most in agreement)" : profile.rawValue)
        }, selected: query.profile?.rawValue)
        sortOptions = FormOption.list([("", "default: style, else name")]
            + SortKey.allCases.map { ($0.rawValue, $0.label) }, selected: query.sort?.rawValue)
        orderOptions = FormOption.list([("", "natural"), ("asc", "ascending"), ("desc", "descending")],
                                       selected: query.order?.rawValue)

        totalMatches = result.totalMatches
        trackCount = engine.tracks.count
        limited = result.rows.count < result.totalMatches
        shown = result.rows.count
        profile = result.keySource
        let columns = PlaylistColumn.columns(showingStyle: !query.styles.isEmpty)
        headers = columns.map(\.header)
        let entries = slice.entries(of: result)
        rows = Row.rows(entries, columns: columns, firstRank: slice.offset + 1)
        valueNotes = ValueNotes.lines(entries.map(\.descriptors))
        firstShown = rows.first?.rank ?? 0
        lastShown = rows.last?.rank ?? 0
        paged = result.rows.count > slice.count
        func link(page: Int, label: String) -> PageLink {
            PageLink(label: label, href: Self.link(query, page: page))
        }
        previousPage = slice.page > 1 ? link(page: slice.page - 1, label: "Previous \(slice.count)") : nil
        nextPage = slice.offset + slice.count < result.rows.count ? link(page: slice.page + 1, label: "Next \(slice.count)") : nil
        m3u8Link = SitePaths.link(SitePaths.playlistDownload, query.parameters)
        permalink = SitePaths.link(SitePaths.playlists, query.parameters)
    }

    /// The canonical URL of one page of the playlist; the first page has no `page` parameter.
    static func link(_ query: PlaylistQuery, page: Int) -> String {
        SitePaths.link(SitePaths.playlists, query.parameters + (page > 1 ? [(PlaylistSlice.pageParameter, String(page))] : []))
    }
}
