import Playlists

/// `/api/playlist`'s answer: one slice of the playlist as rows and as rendered table rows, with the
/// histogram of every match over the collection's bins.
struct PlaylistSliceJSON: Encodable {
    struct Row: Encodable {
        let rank: Int
        let id: Int64
        let name: String
        let audio: String
    }

    static let shownKey = "shown key (fused)"

    let total: Int
    let trackCount: Int
    let offset: Int
    let count: Int
    let keySource: String
    let link: String
    let m3u8: String
    let columns: [String]
    let rowsHtml: String
    let rows: [Row]
    let matched: [String: [Int]]

    init(query: PlaylistQuery, slice: PlaylistSlice, snapshot: LiveCatalog.Snapshot, pages: PageRenderer) throws {
        let engine = snapshot.catalog.playlists
        let result = try engine.run(query)
        total = result.totalMatches
        trackCount = engine.tracks.count
        offset = slice.offset
        count = slice.count
        keySource = result.profile?.rawValue ?? Self.shownKey
        link = PlaylistPage.link(query, page: 1)
        m3u8 = SitePaths.link(SitePaths.playlistDownload, query.parameters)
        let tableColumns = PlaylistColumn.columns(showingStyle: !query.styles.isEmpty)
        columns = tableColumns.map(\.header)
        let pageRows = PlaylistPage.Row.rows(slice.entries(of: result), columns: tableColumns, firstRank: slice.offset + 1)
        rowsHtml = pageRows.map { pages.fragment("playlist-row", $0) }.joined()
        rows = pageRows.map { Row(rank: $0.rank, id: $0.id, name: $0.name, audio: $0.audio) }
        // Every match counts, even those beyond the query's limit `n`, so the bars add up to `total`.
        matched = Dictionary(uniqueKeysWithValues: RangeFilter.allCases.map { filter in
            let bins = snapshot.facts.ranges[filter.rawValue]!
            return (filter.rawValue, bins.counting(rows: result.matchedRows, of: engine.column(filter)).bins)
        })
    }
}
