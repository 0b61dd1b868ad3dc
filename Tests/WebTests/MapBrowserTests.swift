import Foundation
import HummingbirdTesting
import TestSupport
import XCTest

/// The music map in headless Chromium: one drawn point per analyzed track, hover names the track under
/// the pointer, a dragged box lists exactly the tracks whose /api/map coordinates lie inside it.
/// With TONEARM_SCREENSHOTS=<folder> it also saves map.png there.
final class MapBrowserTests: LiveAppTestCase {
    func testMapDrawsEveryTrackNamesOnHoverAndListsABox() async throws {
        let analyzed = try fixture.store.descriptors().count
        try await withServer { client in
            let map = try await MapTests.map(client, by: "effnet")
            let browser = try await WebDriver(downloads: self.directory.appendingPathComponent("downloads"))
            do {
                try await browser.go("http://localhost:\(client.port!)/map")
                try await self.checkMap(browser, map, analyzed: analyzed, client: client)
            } catch {
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
    }

    private func checkMap(_ browser: WebDriver, _ map: MapTests.Map, analyzed: Int, client: any TestClientProtocol) async throws {
        let drawn = try await browser.executeAsync("""
            const done = arguments[0], canvas = document.getElementById('map-canvas');
            const check = () => canvas.dataset.points ? done(canvas.dataset.points) : setTimeout(check, 50);
            check();
            """) as? String
        XCTAssertEqual(drawn, String(analyzed))
        XCTAssertEqual(map.count, analyzed)

        // Where the page says it drew each point, in viewport pixels.
        let layout = try await browser.execute("""
            const canvas = document.getElementById('map-canvas');
            canvas.scrollIntoView({block: 'center'});  // pointer actions reach only what is in the window
            const rect = canvas.getBoundingClientRect();
            return [rect.left, rect.top, ...canvas.dataset.view.split(',').map(Number)];
            """) as? [Double] ?? []
        XCTAssertEqual(layout.count, 6)
        let (left, top, ox, oy, sx, sy) = (layout[0], layout[1], layout[2], layout[3], layout[4], layout[5])
        let pixels = map.ids.indices.map { (x: left + ox + map.x[$0] * sx, y: top + oy + map.y[$0] * sy) }

        let target = map.ids.firstIndex(of: fixture.ids["vibe"]!)!
        try await browser.movePointer(to: (Int(pixels[target].x.rounded()), Int(pixels[target].y.rounded())))
        let tooltip = try await browser.executeAsync("""
            const done = arguments[0], tip = document.getElementById('map-tooltip');
            const check = () => tip.style.display === 'block' ? done(tip.textContent) : setTimeout(check, 50);
            check();
            """) as? String
        XCTAssertEqual(tooltip, "Kevin MacLeod - Vibe Ace")

        // A box whose right edge falls midway between the 6th and 7th point from the left.
        let columns = pixels.map(\.x).sorted()
        let edge = Int(((columns[5] + columns[6]) / 2).rounded())
        let inside = map.ids.indices.filter { pixels[$0].x < Double(edge) }.sorted { map.x[$0] < map.x[$1] }
        let (minY, maxY) = (pixels.map(\.y).min()!, pixels.map(\.y).max()!)
        try await browser.drag(from: (Int(columns[0]) - 8, Int(minY) - 8), to: (edge, Int(maxY) + 8))
        let listed = try await browser.executeAsync("""
            const done = arguments[0], count = document.getElementById('box-count');
            const check = () => count.textContent ? done([...document.querySelectorAll('#box-tracks li')]
              .map(li => Number(li.dataset.trackId))) : setTimeout(check, 50);
            check();
            """) as? [Double]
        XCTAssertEqual(listed?.map { Int64($0) }, inside.map { map.ids[$0] })
        XCTAssertEqual(inside.count, 6)

        // The box's download link selects the same tracks on the server.
        let link = try await browser.execute("return document.getElementById('box-m3u8').getAttribute('href')") as? String ?? ""
        let response = try await client.execute(uri: link, method: .get)
        let paths = try M3U8Reader.entries(Data(buffer: response.body)).map(\.path)
        XCTAssertEqual(paths, try inside.map { try fixture.store.track(id: map.ids[$0])!.path }, link)
        if let folder = ProcessInfo.processInfo.environment["TONEARM_SCREENSHOTS"] {
            try await browser.screenshot().write(to: URL(fileURLWithPath: folder).appendingPathComponent("map.png"))
        }
    }
}
