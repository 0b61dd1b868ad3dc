import Foundation
import Models
import TestSupport
import XCTest

/// `tonearm models convert` with the real converter (TensorFlow + tf2onnx in .venv-convert).
final class ModelConversionTests: XCTestCase {
    private var scratch: URL!
    private var environment: [String: String] = [:]
    private var conversions: ConversionCache { ConversionCache(environment: environment) }

    override func setUpWithError() throws {
        scratch = try Fixtures.temporaryDirectory("tonearm-convert")
        environment = ["XDG_CACHE_HOME": scratch.appendingPathComponent("cache").path]
    }

    override func tearDown() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    private func tonearm(_ arguments: [String], models: URL) throws -> TonearmCLI.Result {
        try TonearmCLI.run(["models"] + arguments + ["--models", models.path], environment: environment)
    }

    private func locate(_ role: ModelRole, in models: URL) throws -> LocatedModel {
        try XCTUnwrap(ModelLocator(searchPath: [models], conversions: conversions).locate(role))
    }

    func testModelsAreConvertedOnceVerifiedAndListed() throws {
        let models = try Fixtures.modelsWithStandin(in: scratch)

        let first = try tonearm(["convert"], models: models)

        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        XCTAssertTrue(first.stdout.contains("msd-musicnn-1: converted, ONNX output within"), first.stdout)
        XCTAssertTrue(first.stdout.contains("of TensorFlow's; first layers shared by overlapping patches"), first.stdout)
        XCTAssertTrue(first.stdout.contains("discogs-effnet-bs64-1: converted, ONNX output within"), first.stdout)
        for role in ModelRole.allCases where role != .tempocnn {
            let model = try locate(role, in: models)
            let onnx = try XCTUnwrap(model.conversion?.onnx, "\(role)")
            XCTAssertEqual(onnx.lastPathComponent, "\(model.sha256).onnx", "named by the graph it was made from")
            guard case .converted(_, let difference) = model.conversion else { return XCTFail("\(role)") }
            XCTAssertLessThanOrEqual(difference, 1e-4)
        }
        XCTAssertNil(try locate(.tempocnn, in: models).conversion, "TempoCNN stays on TensorFlow")
        XCTAssertFalse(first.stdout.contains("deeptemp"), first.stdout)
        let listed = try tonearm(["list"], models: models).stdout
        XCTAssertTrue(listed.contains("msd-musicnn-1 runs on ONNX Runtime"), listed)

        let onnx = try XCTUnwrap(try locate(.musicnn, in: models).conversion?.onnx)
        let written = try FileManager.default.attributesOfItem(atPath: onnx.path)[.modificationDate] as? Date
        let second = try tonearm(["convert"], models: models)
        XCTAssertEqual(second.status, 0)
        XCTAssertTrue(second.stdout.contains("msd-musicnn-1: already converted"), second.stdout)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: onnx.path)[.modificationDate] as? Date, written)
    }

    func testDamagedConversionIsReportedAndRedone() throws {
        let models = try Fixtures.modelsWithStandin(in: scratch)
        XCTAssertEqual(try tonearm(["convert"], models: models).status, 0)
        let onnx = try XCTUnwrap(try locate(.musicnn, in: models).conversion?.onnx)
        try Data("not a graph".utf8).write(to: onnx)

        XCTAssertEqual(try locate(.musicnn, in: models).conversion, .damaged(reason: "the .onnx file differs from its record"))
        let listed = try tonearm(["list"], models: models).stdout
        XCTAssertTrue(listed.contains("msd-musicnn-1 runs on TensorFlow: its ONNX conversion is damaged"), listed)

        let redo = try tonearm(["convert"], models: models)
        XCTAssertEqual(redo.status, 0, redo.stdout)
        XCTAssertTrue(redo.stdout.contains("discogs-effnet-bs64-1: already converted"), redo.stdout)
        XCTAssertNotNil(try locate(.musicnn, in: models).conversion?.onnx)
    }

    /// A graph without the backbone's nodes cannot be converted; nothing is cached and the run fails.
    func testGraphThatCannotBeConvertedLeavesNoConversion() throws {
        let models = scratch.appendingPathComponent("wrong-graph")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: models.appendingPathComponent("msd-musicnn-1.pb"),
                                                   withDestinationURL: Fixtures.models.appendingPathComponent("emomusic-msd-musicnn-2.pb"))
        try FileManager.default.createSymbolicLink(at: models.appendingPathComponent("msd-musicnn-1.json"),
                                                   withDestinationURL: Fixtures.models.appendingPathComponent("msd-musicnn-1.json"))

        let result = try tonearm(["convert"], models: models)

        XCTAssertNotEqual(result.status, 0)
        let line = try XCTUnwrap(result.stdout.split(separator: "\n").first { $0.hasPrefix("msd-musicnn-1: NOT converted: ") })
        XCTAssertLessThan(line.count, 400, "one readable line")
        XCTAssertEqual(try locate(.musicnn, in: models).conversion, .notConverted)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: conversions.folder.path).filter { !$0.hasPrefix(".") }, [])
    }
}
