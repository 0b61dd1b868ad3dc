import Foundation
import HummingbirdTesting
import Web
import XCTest

/// The scripts and stylesheets pages load come from tonearm itself, and only the listed files can be had.
final class StaticFilesTests: LiveAppTestCase {
    func testProjectModulesAndDebianFilesAreServed() async throws {
        try await withServer { client in
            let module = try await client.execute(uri: "/static/js/api.js", method: .get)
            XCTAssertEqual(module.status, .ok)
            XCTAssertEqual(module.headers[.contentType], "text/javascript; charset=utf-8")
            XCTAssertTrue(String(buffer: module.body).contains("export async function fetchJSON"))
            for (name, marker) in [("chart.js", "Chart"), ("nouislider.mjs", "noUiSlider"), ("nouislider.css", ".noUi-target")] {
                let response = try await client.execute(uri: "/static/vendor/\(name)", method: .get)
                XCTAssertEqual(response.status, .ok, name)
                XCTAssertTrue(String(buffer: response.body).contains(marker), name)
            }
        }
    }

    func testNothingElseCanBeReached() async throws {
        try await withServer { client in
            for uri in ["/static/js/missing.js", "/static/js/..%2F..%2FPackage.swift", "/static/js/.hidden.js",
                        "/static/vendor/jquery.js", "/static/vendor/..%2F..%2F..%2Fetc%2Fpasswd", "/static/js/"] {
                let response = try await client.execute(uri: uri, method: .get)
                XCTAssertEqual(response.status, .notFound, uri)
            }
        }
    }
}
