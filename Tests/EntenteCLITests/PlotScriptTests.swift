import Foundation
import XCTest

/// Scripts/plot.py on a small results folder written by the real binary.
final class PlotScriptTests: XCTestCase {
    static let packageRoot = BuiltBinary.packageRoot

    private func binary() throws -> URL { try BuiltBinary.required("entente") }

    @discardableResult
    private func execute(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = Self.packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testPlotScriptWritesFourNonTrivialPNGsForARunAndItsComparison() throws {
        let (status, _) = try execute("/usr/bin/env", ["python3", "-c", "import matplotlib, pandas"])
        guard status == 0 else { throw XCTSkip("python3 with matplotlib and pandas is not installed (pip install matplotlib pandas)") }
        let entente = try binary()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("entente-plot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let scenario = Self.packageRoot.appendingPathComponent("Scenarios/csto-2018-2024.yaml").path
        var result = try execute(entente.path, ["run", scenario, "--replicates", "20", "--out", out.path, "--quiet"])
        XCTAssertEqual(result.0, 0, result.1)
        result = try execute(entente.path, ["compare", scenario, "--replicates", "20", "--out", out.appendingPathComponent("compare").path])
        XCTAssertEqual(result.0, 0, result.1)
        result = try execute("/usr/bin/env", ["python3", Self.packageRoot.appendingPathComponent("Scripts/plot.py").path, out.path])
        XCTAssertEqual(result.0, 0, result.1)
        for name in ["trust_ARM.png", "affinity_ARM.png", "exit_dates.png", "effects.png"] {
            let path = out.appendingPathComponent(name).path
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size ?? 0, 10_000, "\(name) missing or trivially small")
            let header = FileManager.default.contents(atPath: path)?.prefix(8).map { $0 } ?? []
            XCTAssertEqual(header, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(name) is not a PNG")
        }
    }

    func testPlotScriptDrawsTheReliabilityDiagramAndDateErrorsOfAValidationFolder() throws {
        let (status, _) = try execute("/usr/bin/env", ["python3", "-c", "import matplotlib, pandas"])
        guard status == 0 else { throw XCTSkip("python3 with matplotlib and pandas is not installed (pip install matplotlib pandas)") }
        let entente = try binary()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-plot-validation-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cases = folder.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        try Data(ValidateCLITests.scripted.utf8).write(to: cases.appendingPathComponent("a.yaml"))
        try Data(ValidateCLITests.scripted.replacingOccurrences(of: "2018-06, source", with: "2019-09, source").utf8)
            .write(to: cases.appendingPathComponent("b.yaml"))
        let out = folder.appendingPathComponent("validation")
        var result = try execute(entente.path, ["validate", cases.path, "--replicates", "10", "--out", out.path, "--quiet"])
        XCTAssertEqual(result.0, 0, result.1)
        result = try execute("/usr/bin/env", ["python3", Self.packageRoot.appendingPathComponent("Scripts/plot.py").path, out.path])
        XCTAssertEqual(result.0, 0, result.1)
        XCTAssertEqual(result.1, "\(out.path)/reliability.png\n\(out.path)/date_errors.png\n")
        for name in ["reliability.png", "date_errors.png"] {
            let data = FileManager.default.contents(atPath: out.appendingPathComponent(name).path) ?? Data()
            XCTAssertGreaterThan(data.count, 10_000, "\(name) missing or trivially small")
            XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(name) is not a PNG")
        }
    }
}
