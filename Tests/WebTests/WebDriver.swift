import Foundation
import HummingbirdTesting
import NIOCore

/// A chromedriver process with one headless Chromium session, driven through the W3C WebDriver
/// HTTP API directly, so the end-to-end test needs nothing beyond the Debian packages.
/// Talks HTTP through Hummingbird's test client: chromedriver writes headers without a space after
/// the colon, which FoundationNetworking on Linux refuses ("Failed writing header").
final class WebDriver {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let chromedriver = "/usr/bin/chromedriver"
    static let chromium = "/usr/bin/chromium"
    private static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    private let process: Process
    private let client: TestClient
    private let authority: String
    private var session: String

    /// Starts chromedriver on a free port and opens a session whose downloads land in `downloads`.
    init(downloads: URL) async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.chromedriver),
              FileManager.default.isExecutableFile(atPath: Self.chromium) else {
            throw Failure(description: "chromium and chromium-driver are not installed; run scripts/setup")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromedriver)
        process.arguments = ["--port=0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let port: Int
        do {
            port = try Self.announcedPort(output.fileHandleForReading)
        } catch {
            kill(process.processIdentifier, SIGKILL)
            throw error
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": [
                "binary": Self.chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1400,1000", "--autoplay-policy=no-user-gesture-required"],
                "prefs": ["download.default_directory": downloads.path, "download.prompt_for_download": false],
            ],
        ]]]
        // Generous: the first Chromium start on a busy machine is slow; this is not what is tested.
        client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(120)))
        client.connect()
        authority = "127.0.0.1:\(port)"
        session = "/session"
        do {
            let created = try await call("POST", "", capabilities)
            guard let id = (created as? [String: Any])?["sessionId"] as? String else {
                throw Failure(description: "no session: \(created)")
            }
            session = "/session/\(id)"
            // Finding elements waits for them to appear (after a navigation, say) instead of failing at once.
            try await call("POST", "timeouts", ["implicit": 10_000, "script": 30_000])
        } catch {
            try? await client.shutdown()
            stopDriver()
            throw error
        }
    }

    /// chromedriver prints "... started successfully on port N." once it listens.
    private static func announcedPort(_ handle: FileHandle) throws -> Int {
        var text = ""
        while true {
            let data = handle.availableData
            guard !data.isEmpty else { throw Failure(description: "chromedriver exited: \(text)") }
            text += String(decoding: data, as: UTF8.self)
            if let range = text.range(of: "started successfully on port "), let end = text[range.upperBound...].firstIndex(of: ".") {
                guard let port = Int(text[range.upperBound..<end]) else { throw Failure(description: text) }
                return port
            }
        }
    }

    /// Ends the session (which closes Chromium) and chromedriver. SIGKILL, because chromedriver
    /// inherits the test process's blocked SIGTERM (ServiceLifecycle handles it there).
    func quit() async {
        _ = try? await call("DELETE", "")
        try? await client.shutdown()
        stopDriver()
    }

    private func stopDriver() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func go(_ url: String) async throws {
        try await call("POST", "url", ["url": url])
    }

    var currentURL: String {
        get async throws { try await call("GET", "url") as? String ?? "" }
    }

    func find(_ css: String) async throws -> String {
        try elementId(try await call("POST", "element", ["using": "css selector", "value": css]))
    }

    func findAll(_ css: String) async throws -> [String] {
        let found = try await call("POST", "elements", ["using": "css selector", "value": css]) as? [Any] ?? []
        return try found.map(elementId)
    }

    /// Scrolls the element to the middle of the window first, as a person would: WebDriver only scrolls
    /// an element that is out of view, so one just under the fixed queue player bar would stay covered.
    func click(_ css: String) async throws {
        let element = try await find(css)
        try await call("POST", "execute/sync", ["script": "arguments[0].scrollIntoView({block: 'center'})",
                                                "args": [[Self.elementKey: element]]])
        try await call("POST", "element/\(element)/click", [:])
    }

    /// Clicks what submits a form or follows a link, then waits until the next page has loaded:
    /// chromedriver's click does not wait for the navigation it starts (Chromium 156 returns first), so
    /// reading the URL or the page right after it may still see the old one. The old page is marked;
    /// the wait ends when a loaded page without the mark answers, or fails after 10 s.
    func clickAndWaitForNextPage(_ css: String) async throws {
        try await execute("window.tonearmBeforeClick = true")
        try await click(css)
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            // While the page is replaced a script may fail to run; that is not yet the new page either.
            let loaded = try? await execute("return window.tonearmBeforeClick === undefined && document.readyState === 'complete'")
            if loaded as? Bool == true { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure(description: "no new page within 10 s of clicking \(css)")
    }

    func type(_ text: String, into css: String) async throws {
        let element = try await find(css)
        try await call("POST", "element/\(element)/clear", [:])
        try await call("POST", "element/\(element)/value", ["text": text])
    }

    /// Finds the element anew when the page's live updates replaced it between the find and the read.
    func text(_ css: String, attempts: Int = 5) async throws -> String {
        do {
            return try await call("GET", "element/\(try await find(css))/text") as? String ?? ""
        } catch let failure as Failure where failure.description.contains("stale element") && attempts > 1 {
            try await Task.sleep(nanoseconds: 50_000_000)
            return try await text(css, attempts: attempts - 1)
        }
    }

    /// Runs `script` in the page; its last argument is a callback that ends it with a JSON value.
    func executeAsync(_ script: String) async throws -> Any {
        try await call("POST", "execute/async", ["script": script, "args": []])
    }

    /// Polls `condition` (a JavaScript expression) in the page until it is true; the session's
    /// script timeout bounds the wait.
    func waitUntil(_ condition: String) async throws {
        _ = try await executeAsync("""
            const done = arguments[0];
            (function check() { if (\(condition)) done(true); else setTimeout(check, 20); })();
            """)
    }

    /// The value of a JavaScript expression in the page.
    func evaluate(_ expression: String) async throws -> Any {
        try await executeAsync("arguments[0](\(expression))")
    }

    func back() async throws {
        try await call("POST", "back", [:])
    }

    /// Presses the left mouse button at `start` (from the element's centre, in CSS pixels), moves it by
    /// `offset` in a few steps and releases it: a W3C pointer action, as a user's drag.
    func drag(_ css: String, from start: (x: Int, y: Int) = (0, 0), by offset: (x: Int, y: Int)) async throws {
        let element = try await find(css)
        // Pointer actions do not scroll: the element must be in the viewport.
        try await call("POST", "execute/sync", ["script": "arguments[0].scrollIntoView({block: 'center'})",
                                                "args": [[Self.elementKey: element]]])
        let steps = 5
        var moves: [[String: Any]] = [
            ["type": "pointerMove", "duration": 0, "origin": [Self.elementKey: element], "x": start.x, "y": start.y],
            ["type": "pointerDown", "button": 0],
        ]
        // Relative to the pointer, since a dragged element moves with it.
        for step in 1...steps {
            let (done, before) = (step, step - 1)
            moves.append(["type": "pointerMove", "duration": 50, "origin": "pointer",
                          "x": offset.x * done / steps - offset.x * before / steps,
                          "y": offset.y * done / steps - offset.y * before / steps])
        }
        moves.append(["type": "pointerUp", "button": 0])
        try await call("POST", "actions", ["actions": [
            ["type": "pointer", "id": "mouse", "parameters": ["pointerType": "mouse"], "actions": moves],
        ]])
        try await call("DELETE", "actions")
    }

    /// Runs `script` in the page and returns what it returns.
    @discardableResult
    func execute(_ script: String) async throws -> Any {
        try await call("POST", "execute/sync", ["script": script, "args": []])
    }

    /// Presses and releases each key in turn on whatever has the focus, as a person would
    /// (WebDriver's special keys as their code points, e.g. "\u{E015}" for arrow down).
    func press(_ keys: String) async throws {
        let strokes = keys.map(String.init).flatMap { key in
            [["type": "keyDown", "value": key], ["type": "keyUp", "value": key]]
        }
        try await call("POST", "actions", ["actions": [["type": "key", "id": "keyboard", "actions": strokes]]])
    }

    /// Moves the mouse to a viewport point (CSS pixels).
    func movePointer(to point: (x: Int, y: Int)) async throws {
        try await pointerActions([Self.move(point, duration: 50)])
    }

    /// Presses the left button at `start`, drags to `end` in a few steps and releases it there.
    func drag(from start: (x: Int, y: Int), to end: (x: Int, y: Int)) async throws {
        let steps = (1...4).map { step in
            Self.move((start.x + (end.x - start.x) * step / 4, start.y + (end.y - start.y) * step / 4), duration: 30)
        }
        try await pointerActions([Self.move(start, duration: 0), ["type": "pointerDown", "button": 0]] + steps
                                 + [["type": "pointerUp", "button": 0]])
    }

    private static func move(_ point: (x: Int, y: Int), duration: Int) -> [String: Any] {
        ["type": "pointerMove", "duration": duration, "x": point.x, "y": point.y, "origin": "viewport"]
    }

    private func pointerActions(_ actions: [[String: Any]]) async throws {
        try await call("POST", "actions", ["actions": [
            ["type": "pointer", "id": "mouse", "parameters": ["pointerType": "mouse"], "actions": actions],
        ]])
    }

    func screenshot() async throws -> Data {
        guard let base64 = try await call("GET", "screenshot") as? String, let png = Data(base64Encoded: base64) else {
            throw Failure(description: "no screenshot")
        }
        return png
    }

    private func elementId(_ value: Any) throws -> String {
        guard let id = (value as? [String: Any])?[Self.elementKey] as? String else {
            throw Failure(description: "not an element: \(value)")
        }
        return id
    }

    /// One WebDriver command; protocol errors come back as a `value` holding `error` and `message`.
    @discardableResult
    private func call(_ method: String, _ command: String, _ body: [String: Any]? = nil) async throws -> Any {
        let path = command.isEmpty ? session : "\(session)/\(command)"
        let request = TestClient.Request(
            path, method: .init(method)!, authority: authority, headers: [.contentType: "application/json"],
            body: try body.map { ByteBuffer(data: try JSONSerialization.data(withJSONObject: $0)) })
        let response = try await client.execute(request)
        let data = response.body.map { Data(buffer: $0) } ?? Data()
        let value = (try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any])?["value"]
        if let error = value as? [String: Any], let code = error["error"] as? String {
            throw Failure(description: "\(method) \(path): \(code): \(error["message"] ?? "")")
        }
        return value ?? NSNull()
    }
}
