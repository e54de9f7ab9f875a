import Foundation
import XCTest

/// `--layout long|wide` on the command line (issue 20): `compare`'s table as one row per variant × outcome.
final class TableLayoutCLITests: XCTestCase {
    /// Three states, a covert sale that leaks, an attack; two variants (as TablesCLITests).
    private static let scenario = """
        name: tiny
        calendar: {start: 2020-01, end: 2020-12, step: month}
        seed: 7
        replicates: 8
        states:
          - {id: A, capability: 1}
          - {id: B, capability: 2}
          - {id: C, capability: 3}
        blocs:
          - {id: X, leader: B, members: [A, B], obligation: 0.8}
        trust:
          - {from: A, to: C, value: -0.5, mutual: true}
        events:
          - {id: sale, at: 2020-03, type: arms_transfer, from: B, to: C, value: 0.5, covert: true}
          - {id: leak, at: 2020-06, type: reveal, events: [sale]}
          - {id: war, at: 2020-09, type: attack, by: C, target: A, intensity: 1.0, bloc: X}
        outcomes:
          - {name: a_left, type: left, state: A, bloc: X}
          - {name: a_trust_b, type: trust, from: A, to: B}
        variants:
          - {name: calm, parameters: {betrayal: 0.5}}
          - {name: no-sale, set: {events.sale.value: 0.0}}

        """

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
