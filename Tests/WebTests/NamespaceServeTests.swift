import Foundation
import TestSupport
import Users
import XCTest

/// A real `tonearm serve --host 0.0.0.0` in a network namespace of its own (only loopback up), driven
/// with curl from inside it: the pages are closed until a login through the form, and `--no-auth`
/// opens them with a warning. Nothing it binds is reachable from outside the namespace.
final class NamespaceServeTests: LiveAppTestCase {
    private static let script = """
        set -u
        ip link set lo up
        tonearm=$1 db=$2 id=$3 password=$4 work=$5
        site=http://127.0.0.1:8080
        status() { curl -s -o /dev/null -w '%{http_code}' "$@"; echo; }
        waitForServer() { for _ in $(seq 600); do curl -s -o /dev/null $site/login && return; sleep 0.1; done; }
        "$tonearm" serve --db "$db" --host 0.0.0.0 --port 8080 >"$work/serve.out" 2>"$work/serve.err" &
        server=$!
        waitForServer
        echo "page: $(status -H 'Accept: text/html' $site/)"
        echo "m3u8: $(status $site/playlist.m3u8)"
        echo "audio: $(status $site/audio/$id)"
        # Each answer of /login carries a fresh form, as a browser shows it: read its token every time.
        logIn() {
            curl -s -c "$work/jar" -b "$work/jar" $site/login >"$work/form.html"
            csrf=$(sed -n 's/.*name="csrf" value="\\([0-9a-f]*\\)".*/\\1/p' "$work/form.html")
            status -c "$work/jar" -b "$work/jar" --data-urlencode "csrf=$csrf" --data-urlencode name=ann \\
                --data-urlencode "password=$1" $site/login
        }
        echo "wrong: $(logIn wrong)"
        echo "login: $(logIn "$password")"
        echo "session page: $(status -b "$work/jar" -H 'Accept: text/html' $site/)"
        echo "session audio: $(status -b "$work/jar" $site/audio/$id)"
        kill $server; wait $server
        "$tonearm" serve --db "$db" --host 0.0.0.0 --port 8080 --no-auth >"$work/open.out" 2>"$work/open.err" &
        server=$!
        waitForServer
        echo "no-auth page: $(status -H 'Accept: text/html' $site/)"
        kill $server; wait $server
        """

    func testServeOnAllAddressesNeedsALoginUnlessNoAuth() throws {
        try UserDirectory(store: fixture.store).add(name: "ann", password: "s3cret pass")
        let run = try TonearmCLI.start([])
        run.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        run.arguments = ["-n", "sh", "-c", Self.script, "sh", TonearmCLI.executable.path, fixture.store.path,
                         String(fixture.ids["vibe"]!), "s3cret pass", directory.path]
        let result = try TonearmCLI.runToEnd(run)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, ["page: 401", "m3u8: 401", "audio: 401", "wrong: 401", "login: 303",
                               "session page: 200", "session audio: 200", "no-auth page: 200"], result.stderr)
        let serveLog = try String(contentsOf: directory.appendingPathComponent("serve.out"), encoding: .utf8)
            + String(contentsOf: directory.appendingPathComponent("serve.err"), encoding: .utf8)
        XCTAssertFalse(serveLog.contains("s3cret") || serveLog.contains("wrong"), "passwords are never logged: \(serveLog)")
        let warning = try String(contentsOf: directory.appendingPathComponent("open.err"), encoding: .utf8)
        XCTAssertTrue(warning.contains("warning: --no-auth"), warning)
    }
}
