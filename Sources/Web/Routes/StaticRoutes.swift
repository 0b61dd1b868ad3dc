import Foundation
import Hummingbird

/// The JavaScript and CSS the pages load: the project's own small modules, bundled with this module,
/// and the few Debian `libjs-*` files they build on, read where Debian installs them. Nothing comes
/// from a CDN; only these files can be reached, whatever the request names.
struct StaticRoutes {
    /// Debian's files, by the name pages ask for.
    static let vendorFiles = [
        "chart.js": "/usr/share/javascript/chart.js/chart.min.js",
        "nouislider.mjs": "/usr/share/javascript/nouislider/nouislider.min.mjs",
        "nouislider.css": "/usr/share/javascript/nouislider/nouislider.min.css",
    ]

    let modules: URL

    init() {
        guard let modules = Bundle.module.url(forResource: "Static", withExtension: nil) else {
            fatalError("the Web module's Static resource is missing from the build")
        }
        self.modules = modules
    }

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath("\(SitePaths.modules)/:file"), use: module)
        router.get(RouterPath("\(SitePaths.vendor)/:file"), use: vendor)
    }

    @Sendable func module(request: Request, context: WebRequestContext) async throws -> Response {
        let name = context.parameters.get("file") ?? ""
        // Plain names only: no separators, no dot files, so the folder cannot be left.
        guard name.range(of: #"^[a-z0-9-]+\.(js|css)$"#, options: .regularExpression) != nil else {
            throw HTTPError(.notFound)
        }
        return try Self.file(modules.appendingPathComponent(name).path)
    }

    @Sendable func vendor(request: Request, context: WebRequestContext) async throws -> Response {
        guard let path = Self.vendorFiles[context.parameters.get("file") ?? ""] else { throw HTTPError(.notFound) }
        return try Self.file(path)
    }

    private static func file(_ path: String) throws -> Response {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw HTTPError(.notFound, message: "\(path) is not installed")
        }
        let type = path.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
