import Foundation
import TestSupport
import Users
import XCTest

/// `tonearm serve`'s login policy, through the real command line. Each run sits in a network
/// namespace of its own: were the refusal to fail, nothing it bound would be reachable from outside.
final class ServePolicyTests: LiveAppTestCase {
    private func serve(_ arguments: [String]) throws -> TonearmCLI.Result {
        try TonearmCLI.run(["serve", "--db", fixture.store.path, "--port", "0"] + arguments, launcher: ["/usr/bin/unshare", "-n"])
    }

    func testBeyondLoopbackWithoutAUserRefusesToStartInOneLine() throws {
        for arguments in [["--host", "0.0.0.0"], ["--host", "::"], ["--auth"]] {
            let result = try serve(arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains("`tonearm users add NAME`"), result.stderr)
            XCTAssertTrue(result.stderr.contains("--no-auth"), result.stderr)
        }
    }

    func testContradictoryFlagsAreRefused() throws {
        let result = try serve(["--auth", "--no-auth"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("--auth and --no-auth contradict each other"), result.stderr)
    }
}
