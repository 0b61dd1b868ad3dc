import Foundation
import XCTest

/// Reads back what a test needs from a written page: the `data-figure` numbers and the chart data.
struct PageReader {
    let html: String

    init(_ url: URL) throws {
        html = try String(contentsOf: url, encoding: .utf8)
    }

    init(html: String) {
        self.html = html
    }

    /// The text of `<span data-figure="name">`, nil when the page has no such figure.
    func figure(_ name: String) -> String? {
        firstMatch("data-figure=\"\(name)\">([^<]*)<")
    }

    /// Ids of the page's sections, in order.
    var sectionIDs: [String] { allMatches("<section id=\"([^\"]+)\"") }

    /// The charts as the page's script receives them.
    func charts() throws -> [String: [String: Any]] {
        let json = try XCTUnwrap(firstMatch("<script type=\"application/json\" id=\"report-charts\">(.*?)</script>"))
        let specs = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: specs.map { ($0["id"] as! String, $0) })
    }

    /// The values of every dataset of a chart, by dataset label.
    func values(_ chart: [String: Any]) -> [String: [Int]] {
        let datasets = chart["datasets"] as! [[String: Any]]
        return Dictionary(uniqueKeysWithValues: datasets.map {
            ($0["label"] as! String, ($0["values"] as! [Double]).map { Int($0) })
        })
    }

    func firstMatch(_ pattern: String) -> String? {
        allMatches(pattern).first
    }

    func allMatches(_ pattern: String) -> [String] {
        Self.matches(pattern, in: html)
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }
}

/// How the page writes numbers, restated so that expected figures read the same.
enum Expected {
    static func percent(_ part: Int, of whole: Int) -> String {
        String(format: "%.1f %%", 100 * Double(part) / Double(whole))
    }

    static func decimal(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
