import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteCore
@testable import EntenteKit

/// docs/model.md's parameter table is checked against the one definition in code (``Parameter``):
/// same parameters in the same order, same default, range and meaning.
final class ParameterTableTests: XCTestCase {
    private struct Row: Equatable {
        var name: String
        var defaultValue: Double
        var minimum: Double
        var maximum: Double
        var meaning: String
    }

    /// The rows of the table that starts with `| Parameter | Default | Range | Meaning |`.
    private func documentedRows() throws -> [Row] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/model.md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("| Parameter | Default | Range | Meaning |") }, "no parameter table in docs/model.md")
        var rows: [Row] = []
        for line in lines[(header + 2)...] {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
            XCTAssertGreaterThanOrEqual(cells.count, 4, line)
            let range = cells[2].components(separatedBy: " … ")
            XCTAssertEqual(range.count, 2, "range of \(cells[0]) is not 'MIN … MAX'")
            rows.append(Row(name: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")),
                            defaultValue: Double(cells[1]) ?? .nan, minimum: Double(range.first ?? "") ?? .nan,
                            maximum: Double(range.last ?? "") ?? .nan, meaning: cells[3]))
        }
        return rows
    }

    func testModelDocParameterTableMatchesTheParameterDefinitionsRowByRow() throws {
        let documented = try documentedRows()
        let code = Parameter.allCases.map { parameter in
            Row(name: parameter.info.name, defaultValue: parameter.info.defaultValue, minimum: parameter.info.minimum,
                maximum: parameter.info.maximum, meaning: parameter.info.meaning)
        }
        XCTAssertEqual(documented.map(\.name), code.map(\.name), "parameters or their order differ")
        for (doc, definition) in zip(documented, code) {
            XCTAssertEqual(doc, definition, "docs/model.md row for \(definition.name) differs from Parameter.swift")
        }
        XCTAssertEqual(code.count, 57)  // 45 of model 1, 5 lasting-measure sizes, and the 7 that only model 2 reads
    }
}
