import Foundation
import XCTest

/// The docs stay runnable (issue 20): every fenced block marked ```` ```yaml runnable ```` in README.md
/// and docs/*.md is a complete scenario or sweep file that the built `entente check` accepts.
///
/// A block is written to `<tmp>/Scenarios/` (a sweep block, one with a top-level `scenario:`, to
/// `<tmp>/Scenarios/sweeps/`) beside copies of the shipped `Scenarios/*.yaml`, so a sweep's
/// `scenario: ../csto-2018-2024.yaml` resolves as it does in the repository.
final class DocsExamplesTests: XCTestCase {
    /// One runnable block: the document, the line of its opening fence, the YAML.
    private struct Block { var document: String; var line: Int; var text: String }

    /// The runnable blocks of `README.md` and `docs/*.md`.
    private func runnableBlocks() throws -> [Block] {
        let root = BuiltBinary.packageRoot
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        var blocks: [Block] = []
        for document in ["README.md"] + docs {
            let lines = try String(contentsOf: root.appendingPathComponent(document), encoding: .utf8).components(separatedBy: "\n")
            var index = 0
            while index < lines.count {
                if lines[index].trimmingCharacters(in: .whitespaces) == "```yaml runnable" {
                    var end = index + 1
                    while end < lines.count && !lines[end].hasPrefix("```") { end += 1 }
                    blocks.append(Block(document: document, line: index + 1, text: lines[(index + 1)..<end].joined(separator: "\n") + "\n"))
                    index = end
                }
                index += 1
            }
        }
        return blocks
    }

    func testEveryRunnableYAMLBlockInTheDocsPassesCheck() throws {
        let binary = try BuiltBinary.required("entente")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-docs-\(UUID().uuidString)", isDirectory: true)
        let scenarios = folder.appendingPathComponent("Scenarios", isDirectory: true)
        try FileManager.default.createDirectory(at: scenarios.appendingPathComponent("sweeps"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shipped = BuiltBinary.packageRoot.appendingPathComponent("Scenarios")
        for name in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(at: shipped.appendingPathComponent(name), to: scenarios.appendingPathComponent(name))
        }
        let blocks = try runnableBlocks()
        XCTAssertGreaterThanOrEqual(blocks.count, 3, "the runnable examples were lost")
        for block in blocks {
            let isSweep = block.text.components(separatedBy: "\n").contains { $0.hasPrefix("scenario:") }
            let name = block.document.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".md", with: "") + "-\(block.line).yaml"
            let file = (isSweep ? scenarios.appendingPathComponent("sweeps") : scenarios).appendingPathComponent(name)
            try Data(block.text.utf8).write(to: file)
            let process = Process()
            process.executableURL = binary
            process.arguments = ["check", file.path]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "\(block.document):\(block.line): the example fails `entente check`:\n\(stderr)")
            XCTAssertTrue(stdout.hasPrefix(file.path + ": OK"), "\(block.document):\(block.line): \(stdout)")
        }
    }

    /// docs/scenario-format.md#calendar: a year step from July is labelled `2018-07`, and `check` shows the
    /// days simulated, so the last label (`2023-07`) is not taken for the end.
    func testAYearlyCalendarFromJulyIsDescribedAsTheDocsSay() throws {
        let binary = try BuiltBinary.required("entente")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-yearly-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("yearly.yaml")
        try Data("""
            calendar: {start: 2018-07, end: 2024-06, step: year}
            states: [{id: A, capability: 1}, {id: B, capability: 2}]
            blocs: [{id: X, members: [A, B]}]

            """.utf8).write(to: file)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["check", file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(stdout.contains("\n  calendar: 2018-07 to 2023-07, 6 year steps (2018-07-01 to 2024-06-30)\n"), stdout)
    }
}
