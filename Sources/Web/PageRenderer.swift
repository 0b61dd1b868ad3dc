import Foundation
import Hummingbird
import Mustache

/// Renders the Mustache templates bundled with the module into HTML responses.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let storePath: String
    /// With login on, every page's header links to the logout form.
    let showsLogout: Bool

    init(storePath: String, showsLogout: Bool = false) async throws {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            fatalError("the Web module's Templates resource is missing from the build")
        }
        library = try await MustacheLibrary(directory: directory.path)
        self.storePath = storePath
        self.showsLogout = showsLogout
    }

    func render(_ template: String, _ page: Any, status: HTTPResponse.Status = .ok) -> Response {
        guard let html = library.render(page, withTemplate: template) else {
            fatalError("no template named \(template)")
        }
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// `modules`: the project's JavaScript modules the page loads (file names under `SitePaths.modules`).
    func chrome(title: String, page: Chrome.Page, modules: [String] = []) -> Chrome {
        Chrome(title: title, storePath: storePath, onPlaylists: page == .playlists, onSimilar: page == .similar,
              onPath: page == .path, onMap: page == .map, showsLogout: showsLogout, modules: modules.map { "\(SitePaths.modules)/\($0)" })
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
    enum Page { case playlists, similar, path, map, other }

    let title: String
    let storePath: String
    let onPlaylists: Bool
    let onSimilar: Bool
    let onPath: Bool
    let onMap: Bool
    let showsLogout: Bool
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
