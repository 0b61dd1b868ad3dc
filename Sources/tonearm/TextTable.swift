import Foundation

/// Left-aligned columns padded to their widest cell, for terminal listings.
enum TextTable {
    static func render(headers: [String], rows: [[String]]) -> String {
        let table = [headers] + rows
        let widths = headers.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        return table.map { row in
            zip(row, widths).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }
}
