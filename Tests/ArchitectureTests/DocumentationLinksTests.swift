import Foundation
import XCTest

/// The front door and the manual hold together: every relative link in README.md, docs/ and worker/
/// reaches a file (and, with a #fragment, one of its headings), and every page of docs/ is reachable
/// from the manual's index, so a newcomer never follows a dead link or misses a page.
final class DocumentationLinksTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testEveryRelativeLinkReachesAFileAndHeading() throws {
        let pages = try markdownPages()
        XCTAssertGreaterThan(pages.count, 10, "the documentation pages were not found")
        for page in pages {
            for link in MarkdownLinks(text: try String(contentsOf: page, encoding: .utf8)).relative {
                let target = link.path.isEmpty ? page : page.deletingLastPathComponent().appendingPathComponent(link.path).standardized
                let name = page.path.replacingOccurrences(of: root.path + "/", with: "")
                guard FileManager.default.fileExists(atPath: target.path) else {
                    XCTFail("\(name) links to \(link.path), which does not exist"); continue
                }
                if let fragment = link.fragment, target.pathExtension == "md" {
                    let anchors = MarkdownLinks.anchors(of: try String(contentsOf: target, encoding: .utf8))
                    XCTAssertTrue(anchors.contains(fragment), "\(name) links to \(link.path)#\(fragment), a heading that does not exist")
                }
            }
        }
    }

    func testEveryManualPageIsLinkedFromTheIndex() throws {
        let docs = root.appendingPathComponent("docs")
        let index = MarkdownLinks(text: try String(contentsOf: docs.appendingPathComponent("README.md"), encoding: .utf8))
        let linked = Set(index.relative.map(\.path))
        let pages = try FileManager.default.contentsOfDirectory(atPath: docs.path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" && !$0.hasSuffix(".template.md") }
        for page in pages.sorted() {
            XCTAssertTrue(linked.contains(page), "docs/README.md does not link to \(page)")
        }
    }

    func testTheParserReadsWhatItIsGiven() {
        let text = """
            # The Tempo & Key, shown
            See [a](b.md#the-tempo--key-shown), [c](https://x.org/d.md), [e](#local) and ![f](g.png).
            ```
            [not](a-link.md)
            ```
            """
        let links = MarkdownLinks(text: text).relative
        XCTAssertEqual(links.map(\.path), ["b.md", "", "g.png"])
        XCTAssertEqual(links.map(\.fragment), ["the-tempo--key-shown", "local", nil])
        XCTAssertEqual(MarkdownLinks.anchors(of: text), ["the-tempo--key-shown"])
    }

    private func markdownPages() throws -> [URL] {
        var pages = [root.appendingPathComponent("README.md")]
        for folder in ["docs", "worker"] {
            let url = root.appendingPathComponent(folder)
            pages += try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { $0.hasSuffix(".md") }.map { url.appendingPathComponent($0) }
        }
        return pages
    }
}

/// Inline Markdown links outside code blocks, and GitHub's heading anchors.
struct MarkdownLinks {
    struct Link { let path: String; let fragment: String? }
    let relative: [Link]

    init(text: String) {
        var links: [Link] = []
        var inCode = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { inCode.toggle(); continue }
            guard !inCode else { continue }
            for match in line.matches(of: #/\]\(([^)\s]+)\)/#) {
                let target = String(match.1)
                guard !target.contains("://"), !target.hasPrefix("mailto:") else { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                links.append(Link(path: String(parts[0]), fragment: parts.count > 1 ? String(parts[1]) : nil))
            }
        }
        relative = links
    }

    /// GitHub's slugs: lower case, punctuation dropped, each space a hyphen.
    static func anchors(of text: String) -> Set<String> {
        var anchors = Set<String>()
        var inCode = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("```") { inCode.toggle(); continue }
            guard !inCode, line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
            let kept = title.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == " " || $0 == "-" || $0 == "_" }
            anchors.insert(String(String.UnicodeScalarView(kept)).replacingOccurrences(of: " ", with: "-"))
        }
        return anchors
    }
}
