import Foundation
import XCTest

/// docs/ARCHITECTURE.md's module graph and layers hold for Package.swift as it is: a newcomer reads the
/// graph there, so a module added, dropped or rewired without the page changing fails here.
final class ModuleGraphTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testTheDocumentedGraphIsThePackagesGraph() throws {
        let package = try PackageTargets(manifest: String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8))
        let documented = try ArchitecturePage(text: architecture()).graph
        XCTAssertGreaterThan(package.dependencies.count, 10, "Package.swift's targets were not found")
        for module in Set(package.dependencies.keys).union(documented.keys).sorted() {
            let actual = package.dependencies[module]
            XCTAssertEqual(documented[module], actual, actual.map { "docs/ARCHITECTURE.md should say: " + ArchitecturePage.line(module, $0) }
                ?? "docs/ARCHITECTURE.md lists \(module), which Package.swift does not have")
        }
    }

    func testDependenciesPointDownTheLayers() throws {
        let package = try PackageTargets(manifest: String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8))
        let layers = try ArchitecturePage(text: architecture()).layers
        XCTAssertGreaterThanOrEqual(layers.count, 4, "the layers table was not found")
        for (module, imports) in package.dependencies {
            guard let layer = layers[module] else { continue }
            for imported in imports {
                guard let importedLayer = layers[imported] else { continue }
                XCTAssertGreaterThanOrEqual(importedLayer, layer, "\(module) imports \(imported), a module of a higher layer")
            }
        }
    }

    func testTheParsersReadWhatTheyAreGiven() throws {
        let manifest = """
            .target(name: "A", dependencies: ["B", .product(name: "GRDB", package: "GRDB.swift")], resources: [.copy("Assets")]),
            .target(name: "B"),
            .testTarget(name: "ATests", dependencies: ["A"]),
            """
        XCTAssertEqual(try PackageTargets(manifest: manifest).dependencies, ["A": ["B"], "B": []])
        let page = try ArchitecturePage(text: """
            | layer | modules | what |
            |---|---|---|
            | top | `A` | x |
            | bottom | `B`, `C` | y |
            <!-- module graph: begin -->
            A → B
            B → (none)
            <!-- module graph: end -->
            """)
        XCTAssertEqual(page.graph, ["A": ["B"], "B": []])
        XCTAssertEqual(page.layers, ["A": 0, "B": 1, "C": 1])
    }

    private func architecture() throws -> String {
        try String(contentsOf: root.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)
    }
}

/// The package's own targets (test targets left out) and which of them each one depends on.
private struct PackageTargets {
    let dependencies: [String: [String]]

    init(manifest: String) throws {
        let declaration = try Regex(#"\.(target|executableTarget|testTarget)\(name: "([^"]+)""#)
        let matches = manifest.matches(of: declaration)
        let names = Set(matches.filter { $0.output[1].substring != "testTarget" }.compactMap { $0.output[2].substring.map(String.init) })
        var dependencies: [String: [String]] = [:]
        for (index, match) in matches.enumerated() where match.output[1].substring != "testTarget" {
            let name = String(match.output[2].substring!)
            let end = index + 1 < matches.count ? matches[index + 1].range.lowerBound : manifest.endIndex
            let declarationText = manifest[match.range.upperBound..<end]
            let quoted = declarationText.matches(of: try Regex(#""([^"]+)""#)).compactMap { $0.output[1].substring.map(String.init) }
            dependencies[name] = Array(Set(quoted.filter { names.contains($0) && $0 != name })).sorted()
        }
        self.dependencies = dependencies
    }
}

/// What docs/ARCHITECTURE.md says: the graph between its markers, and the layers table (0 = top).
private struct ArchitecturePage {
    let graph: [String: [String]]
    let layers: [String: Int]

    init(text: String) throws {
        let lines = text.components(separatedBy: "\n")
        guard let begin = lines.firstIndex(of: "<!-- module graph: begin -->"),
              let end = lines.firstIndex(of: "<!-- module graph: end -->"), begin < end else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no module graph markers"])
        }
        var graph: [String: [String]] = [:]
        for line in lines[(begin + 1)..<end] {
            let parts = line.components(separatedBy: "→")
            guard parts.count == 2 else { continue }
            let imports = parts[1].trimmingCharacters(in: .whitespaces)
            graph[parts[0].trimmingCharacters(in: .whitespaces)] = imports == "(none)" ? []
                : imports.components(separatedBy: ",").map { $0.trimmingCharacters(in: .whitespaces) }.sorted()
        }
        self.graph = graph
        var layers: [String: Int] = [:]
        let rows = lines.prefix(begin).filter { $0.hasPrefix("| ") && !$0.hasPrefix("| layer ") }
        for (layer, row) in rows.enumerated() {
            let cells = row.components(separatedBy: "|")
            guard cells.count > 2 else { continue }
            for module in cells[2].components(separatedBy: ",") {
                layers[module.trimmingCharacters(in: CharacterSet(charactersIn: " `"))] = layer
            }
        }
        self.layers = layers
    }

    static func line(_ module: String, _ imports: [String]) -> String {
        module.padding(toLength: 17, withPad: " ", startingAt: 0) + "→ " + (imports.isEmpty ? "(none)" : imports.joined(separator: ", "))
    }
}
