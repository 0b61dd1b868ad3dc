import Foundation
import Hummingbird
import Mustache
import TrackStore

/// Renders the Mustache templates bundled with the module into HTML responses.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let storePath: String
    /// With login on, every page's header links to the logout form.
    let showsLogout: Bool
    /// Every page's header shows the analysis state of the collection being served.
    let catalogs: LiveCatalog

    init(storePath: String, showsLogout: Bool = false, catalogs: LiveCatalog) async throws {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            fatalError("the Web module's Templates resource is missing from the build")
        }
        library = try await MustacheLibrary(directory: directory.path)
        self.storePath = storePath
        self.showsLogout = showsLogout
        self.catalogs = catalogs
    }

    func render(_ template: String, _ page: Any, status: HTTPResponse.Status = .ok) -> Response {
        let html = fragment(template, page)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// One template's HTML, e.g. a partial for a page's script to insert.
    func fragment(_ template: String, _ value: Any) -> String {
        guard let html = library.render(value, withTemplate: template) else {
            fatalError("no template named \(template)")
        }
        return html
    }

    /// Every page keeps its header's analysis state current.
    static let liveModule = "live-collection.js"

    /// `modules`: the project's JavaScript modules the page loads (file names under `SitePaths.modules`).
    func chrome(title: String, page: Chrome.Page, modules: [String] = []) -> Chrome {
        Chrome(title: title, storePath: storePath, onPlaylists: page == .playlists, onSimilar: page == .similar,
              onPath: page == .path, onSaved: page == .saved, onMap: page == .map, showsLogout: showsLogout, analysis: catalogs.snapshot.facts.state,
              modules: ([Self.liveModule] + modules).map { "\(SitePaths.modules)/\($0)" })
    }

    /// Shown instead of any page while the store has no analyzed track.
    func emptyStore(page: Chrome.Page) -> Response {
        render("empty", ChromeOnly(chrome: chrome(title: "Nothing analyzed yet", page: page)))
    }

    func error(_ message: String, status: HTTPResponse.Status) -> Response {
        render("error", ErrorPage(chrome: chrome(title: "Cannot show that", page: .other), message: message), status: status)
    }
}

/// What the shared header shows: page title, store path and which navigation link is current.
struct Chrome {
    enum Page { case playlists, similar, path, saved, map, other }

    let title: String
    let storePath: String
    let onPlaylists: Bool
    let onSimilar: Bool
    let onPath: Bool
    let onSaved: Bool
    let onMap: Bool
    let showsLogout: Bool
    let analysis: AnalysisCounts
    /// URLs of the JavaScript modules the page loads; without them the page works as a plain form.
    let modules: [String]
}

struct ChromeOnly {
    let chrome: Chrome
}

struct ErrorPage {
    let chrome: Chrome
    let message: String
}
