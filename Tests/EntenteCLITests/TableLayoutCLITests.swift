import Foundation
import XCTest

/// `--layout long|wide` on the command line (issue 20): `compare`'s table as one row per variant × outcome.
final class TableLayoutCLITests: XCTestCase {
    private static let scenario = TinyScenarios.threeStatesWithVariants

    func testCompareLongLayoutAsCSVHasOneRowPerVariantAndOutcome() throws {
        let harness = try CLIHarness(prefix: "entente-layout")
        defer { harness.remove() }
        try harness.write(Self.scenario, to: "tiny.yaml")
        let result = try harness.run(["compare", "tiny.yaml", "--out", "c", "--format", "csv", "--layout", "long"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            variant,outcome,baseline mean,variant mean,difference [95% CI]
            calm,a_left,0.000,0.000,"0.000 [0.000, 0.000]"
            calm,a_trust_b,-0.236,0.357,"0.593 [0.574, 0.612]*"
            no-sale,a_left,0.000,0.000,"0.000 [0.000, 0.000]"
            no-sale,a_trust_b,-0.236,0.531,"0.767 [0.744, 0.789]*"

            """)
        XCTAssertEqual(result.stderr, "c: 2 variants × 8 replicates\n")
    }

    func testRunTableIsTheSameInBothLayoutsAndAnUnknownLayoutIsAUsageError() throws {
        let harness = try CLIHarness(prefix: "entente-layout")
        defer { harness.remove() }
        try harness.write(Self.scenario, to: "tiny.yaml")
        let wide = try harness.run(["run", "tiny.yaml", "--out", "w", "--quiet", "--format", "markdown"])
        let long = try harness.run(["run", "tiny.yaml", "--out", "l", "--quiet", "--format", "markdown", "--layout", "long"])
        XCTAssertEqual(wide.status, 0, wide.stderr)
        XCTAssertEqual(long.stdout, wide.stdout)
        let bad = try harness.run(["compare", "tiny.yaml", "--out", "c", "--layout", "sideways"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.hasPrefix("Error: The value 'sideways' is invalid for '--layout <wide|long>'. Please provide one of 'wide' and 'long'.\n"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: harness.folder.appendingPathComponent("c").path))
    }
}
