import Foundation
import XCTest

/// Runs every benchmark workload at a tiny size, so the suite cannot rot between `make bench` runs.
final class BenchSmokeTests: XCTestCase {
    static let packageRoot = BuiltBinary.packageRoot

    func testEveryWorkloadRunsAtTinySizeAndReportsPositiveThroughput() throws {
        let binary = try BuiltBinary.required("entente-bench")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--tiny"]
        process.currentDirectoryURL = Self.packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, output)
        for workload in ["csto-run full-record", "csto-run outcomes 1 job", "scale-10 balance off", "scale-10 balance on",
                         "sweep-jobs 1", "sweep-jobs 2", "sweep-points 1x20", "sweep-points 20x1", "sweep-memory",
                         "model 1 csto", "model 2 csto", "model 1 scale-50", "model 2 scale-50"] {
            let line = output.split(separator: "\n").first { $0.hasPrefix(workload) }
            XCTAssertNotNil(line, "\(workload) missing from:\n\(output)")
            // columns after the name: states steps runs seconds runs/s ns/state-step RSS
            let numbers = line.map { $0.dropFirst(28).split(separator: " ").compactMap { Double($0) } } ?? []
            XCTAssertEqual(numbers.count, 7, String(line ?? ""))
            if numbers.count == 7 {
                XCTAssertGreaterThan(numbers[4], 0, "\(workload): runs per second")
                XCTAssertGreaterThan(numbers[6], 1, "\(workload): peak RSS in MB")
            }
        }
        XCTAssertTrue(output.contains("sweep speed-up with 2 jobs:"), output)
        XCTAssertTrue(output.contains("per-point overhead:"), output)
        XCTAssertTrue(output.contains("model 2 / model 1 (CPU time): csto "), output)
        XCTAssertTrue(output.contains("csto-run outcomes: "), output)
    }

    func testHelpPrintsUsageAndAMistypedOptionIsRefusedWithoutRunningTheSuite() throws {
        let binary = try BuiltBinary.required("entente-bench")
        for (arguments, status, text) in [(["--help"], Int32(0), "entente-bench --only W"), (["--hlep"], Int32(64), "error: unknown option '--hlep'")] {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.currentDirectoryURL = Self.packageRoot
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, status, output)
            XCTAssertTrue(output.contains(text), output)
            // The table's header (the usage text itself says "workloads").
            XCTAssertFalse(output.contains("ns/state-step"), "the suite must not start: \(output)")
        }
    }
}
