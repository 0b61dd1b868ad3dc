import Foundation

/// What the conversion cache holds for one model graph. `tonearm models convert` writes
/// `<graph sha256>.onnx` and then its record `<graph sha256>.json`, only after checking the ONNX
/// graph's output against TensorFlow's on the same input.
public enum Conversion: Sendable, Equatable {
    case converted(onnx: URL, maxDifference: Double)
    case notConverted
    /// A record whose file is missing or differs from it; the worker then runs TensorFlow.
    case damaged(reason: String)

    public var onnx: URL? {
        if case .converted(let onnx, _) = self { return onnx }
        return nil
    }
}

extension ModelRole {
    /// The models the worker can run on ONNX Runtime: the two backbones, where it spends most of its time,
    /// and their heads. TempoCNN stays on TensorFlow: Essentia wraps its graph in normalization and voting.
    public var isConvertible: Bool { self != .tempocnn }
}

/// The folder of verified ONNX conversions, keyed by the sha256 of the graph they were made from.
public struct ConversionCache: Sendable {
    public var folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// `$XDG_CACHE_HOME/tonearm/onnx`, else `~/.cache/tonearm/onnx`, beside the model cache.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(folder: ModelLocator.cacheDirectory(environment: environment)
            .deletingLastPathComponent().appendingPathComponent("onnx"))
    }

    public func conversion(ofGraphWithSha256 sha256: String) -> Conversion {
        let record = folder.appendingPathComponent("\(sha256).json")
        guard let data = FileManager.default.contents(atPath: record.path) else { return .notConverted }
        guard let fields = try? JSONDecoder().decode(Record.self, from: data), fields.sourceSha256 == sha256 else {
            return .damaged(reason: "its record is unreadable")
        }
        let onnx = folder.appendingPathComponent("\(sha256).onnx")
        guard let actual = try? FileDigest.sha256(of: onnx) else {
            return .damaged(reason: "the .onnx file is missing")
        }
        guard actual == fields.onnxSha256 else {
            return .damaged(reason: "the .onnx file differs from its record")
        }
        return .converted(onnx: onnx, maxDifference: fields.maxAbsDifference)
    }

    private struct Record: Decodable {
        var sourceSha256: String
        var onnxSha256: String
        var maxAbsDifference: Double

        enum CodingKeys: String, CodingKey {
            case sourceSha256 = "source_sha256", onnxSha256 = "onnx_sha256", maxAbsDifference = "max_abs_difference"
        }
    }
}
