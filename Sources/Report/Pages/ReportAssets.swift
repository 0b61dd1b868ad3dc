import Foundation

/// The files inlined into the page: Chart.js from the system, the rest from this module's resources.
struct ReportAssets {
    var chartLibrary: String
    var chartScript: String
    var errorCapture: String
    var stylesheet: String

    init(chartLibraryPath: String) throws {
        guard let library = try? String(contentsOfFile: chartLibraryPath, encoding: .utf8) else {
            throw ReportError.chartLibraryMissing(path: chartLibraryPath)
        }
        chartLibrary = library
        chartScript = try Self.resource("report", "js")
        errorCapture = try Self.resource("errors", "js")
        stylesheet = try Self.resource("report", "css")
    }

    private static func resource(_ name: String, _ ext: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Assets") else {
            throw ReportError.assetMissing(name: "\(name).\(ext)")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

public enum ReportError: Error, CustomStringConvertible {
    case chartLibraryMissing(path: String)
    case assetMissing(name: String)

    public var description: String {
        switch self {
        case .chartLibraryMissing(let path):
            return "Chart.js not found at \(path): run scripts/setup (it installs Debian's libjs-chart.js)"
        case .assetMissing(let name):
            return "the report asset \(name) is missing from tonearm's resource bundle; rebuild tonearm"
        }
    }
}
