@testable import Analysis
import Foundation
import TrackStore
import XCTest

/// The numbers Swift and the Python worker must agree on, read from the worker's source: a bump on one
/// side alone fails here instead of in a user's run. And the hello is refused when any version differs.
final class WorkerConstantsTests: XCTestCase {
    private let worker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("worker/tonearm_worker")

    func testTheWorkersVersionsAreSwifts() throws {
        XCTAssertEqual(try constant("PROTOCOL_VERSION", in: "__init__.py"), Double(WorkerProtocol.version))
        XCTAssertEqual(try constant("SIGNAL_VERSION", in: "__init__.py"), Double(WorkerProtocol.signalVersion))
        XCTAssertEqual(try constant("EVIDENCE_VERSION", in: "__init__.py"), Double(WorkerProtocol.evidenceVersion))
        XCTAssertEqual(try constant("TAGS_VERSION", in: "tags.py"), Double(TrackTags.readerVersion))
    }

    func testTheRayEnginesTimeoutRuleIsTheLocalOnes() throws {
        XCTAssertEqual(try constant("SECONDS_PER_TIMEOUT_BASE", in: "ray_pool.py"), TrackTimeout.secondsPerBase)
    }

    func testAHelloWithAnyOtherVersionIsRefused() throws {
        let current = ["protocol": WorkerProtocol.version, "signal_version": WorkerProtocol.signalVersion,
                       "evidence_version": WorkerProtocol.evidenceVersion, "tags_version": TrackTags.readerVersion]
        XCTAssertNil(try hello(current).versionMismatch)
        for name in current.keys.sorted() {
            var versions = current
            versions[name]! += 1
            let mismatch = try XCTUnwrap(hello(versions).versionMismatch, name)
            XCTAssertTrue(mismatch.hasSuffix("; run scripts/setup"), mismatch)
            versions.removeValue(forKey: name)
            XCTAssertNotNil(try hello(versions).versionMismatch, "a hello without \(name)")
        }
    }

    private func hello(_ versions: [String: Int]) throws -> WorkerHello {
        var fields: [String: Any] = ["type": "ready", "groups": ["signal"], "capacity": 1]
        fields.merge(versions) { $1 }
        return try JSONDecoder().decode(WorkerHello.self, from: JSONSerialization.data(withJSONObject: fields))
    }

    /// A module-level `NAME = number` line of a worker file.
    private func constant(_ name: String, in file: String) throws -> Double {
        let source = try String(contentsOf: worker.appendingPathComponent(file), encoding: .utf8)
        let line = try XCTUnwrap(source.components(separatedBy: "\n").first { $0.hasPrefix(name + " = ") }, "\(name) in \(file)")
        return try XCTUnwrap(Double(line.dropFirst(name.count + 3).prefix { !$0.isWhitespace }), line)
    }
}
