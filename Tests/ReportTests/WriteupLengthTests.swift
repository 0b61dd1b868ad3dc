import Foundation
import TestSupport
import XCTest

/// `docs/REPORT.md` is "about two pages": at most 1,400 words of prose beside its figures and tables,
/// every assignment question in it, and no placeholder left unfilled. Words are counted as
/// `scripts/writeup_words.py` counts them: tables, figures, headings, comments and code are not prose.
final class WriteupLengthTests: XCTestCase {
    static let wordLimit = 1400

    static func proseWords(_ text: String) -> Int {
        var words = 0, inCode = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let stripped = line.trimmingCharacters(in: .whitespaces)
            if stripped.hasPrefix("```") {
                inCode.toggle()
                continue
            }
            if inCode || ["|", "![", "#", "<!--"].contains(where: stripped.hasPrefix) { continue }
            words += stripped.split(whereSeparator: \.isWhitespace)
                .filter { $0.contains { $0.isLetter || $0.isNumber } }.count
        }
        return words
    }

    private func report() throws -> String {
        try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("docs/REPORT.md"), encoding: .utf8)
    }

    func testTheReportIsAboutTwoPagesOfProse() throws {
        let words = Self.proseWords(try report())
        XCTAssertLessThanOrEqual(words, Self.wordLimit)
        XCTAssertGreaterThan(words, Self.wordLimit / 2, "the report lost its prose")
    }

    func testTheCountSkipsTablesFiguresAndHeadings() {
        let text = "# Title words\n\nOne two three.\n\n| a | b |\n|---|---|\n![fig](x.png)\n- four, five — 6 %\n"
        XCTAssertEqual(Self.proseWords(text), 6)
    }

    func testEveryQuestionHasItsSectionAndNothingIsLeftUnfilled() throws {
        let text = try report()
        XCTAssertFalse(text.contains("{{"), "an unfilled placeholder")
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }
        for heading in ["Styles and diversity", "Tempo and danceability", "Key", "Loudness", "Arousal and valence",
                        "Vocal and instrumental", "The interface", "Playlists", "Which embedding", "Verdict"] {
            XCTAssertTrue(headings.contains { $0.contains(heading) }, "no section on \(heading)")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: Fixtures.repoRoot.appendingPathComponent("docs/REPORT-appendix.md").path))
    }
}
