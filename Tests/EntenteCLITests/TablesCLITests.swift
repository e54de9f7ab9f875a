import Foundation
import XCTest

/// The result tables on stdout (issue 20): `compare`'s variant × outcome table wrapped to `$COLUMNS`,
/// `--format markdown|latex|csv` with the status line moved to stderr, and `compare --quiet`.
final class TablesCLITests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-tables" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try Data(Self.scenario.utf8).write(to: folder.appendingPathComponent("tiny.yaml"))
    }

    private static let scenario = TinyScenarios.threeStatesWithVariants

    /// Runs `entente arguments` in the folder with `COLUMNS` set; stdout, stderr and the status.
    private func entente(_ arguments: [String], columns: Int = 200) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try cli.run(arguments, environment: ["COLUMNS": String(columns)])
        return (result.status, result.stdout, result.stderr)
    }

    func testCompareWrapsTheVariantByOutcomeTableByOutcomeInSeventyColumnsAndTakesQuiet() throws {
        let result = try entente(["compare", "tiny.yaml", "--out", "c", "--quiet"], columns: 70)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, """
            Paired effects of each variant, 8 replicates per arm on common random numbers (means; difference = variant − baseline)
                     a_left
            variant  baseline  variant    difference [95% CI]
            -------  --------  -------  ---------------------
            calm        0.000    0.000  0.000 [0.000, 0.000]
            no-sale     0.000    0.000  0.000 [0.000, 0.000]

                     a_trust_b
            variant  baseline  variant    difference [95% CI]
            -------  --------  -------  ---------------------
            calm       -0.236    0.357  0.593 [0.574, 0.612]*
            no-sale    -0.236    0.531  0.767 [0.744, 0.789]*
            * the 95% interval of the paired difference excludes 0
            c: 2 variants × 8 replicates

            """)
        let wide = try entente(["compare", "tiny.yaml", "--out", "c", "--force"], columns: 200)
        XCTAssertEqual(wide.stdout.split(separator: "\n")[1].trimmingCharacters(in: .whitespaces), "a_left                                    a_trust_b")
    }

    func testCompareAsCSVPrintsOnlyTheTableAndTheStatusLineGoesToStderr() throws {
        let result = try entente(["compare", "tiny.yaml", "--out", "c", "--format", "csv"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            variant,a_left baseline,a_left variant,a_left difference [95% CI],a_trust_b baseline,a_trust_b variant,a_trust_b difference [95% CI]
            calm,0.000,0.000,"0.000 [0.000, 0.000]",-0.236,0.357,"0.593 [0.574, 0.612]*"
            no-sale,0.000,0.000,"0.000 [0.000, 0.000]",-0.236,0.531,"0.767 [0.744, 0.789]*"

            """)
        XCTAssertEqual(result.stderr, "c: 2 variants × 8 replicates\n")
    }

    func testRunAsLaTeXIsABooktabsTableOfTheOutcomes() throws {
        let result = try entente(["run", "tiny.yaml", "--out", "r", "--quiet", "--format", "latex"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "r: 8 replicates\n")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.prefix(7)), [
            "\\begin{table}", "\\centering",
            "\\caption{Outcomes over 8 replicates (0/1 outcomes: the mean is a probability)}",
            "\\begin{tabular}{lrrrrrrr}", "\\toprule",
            "outcome & n & mean & 95\\% CI & sd & q05 & median & q95 \\\\", "\\midrule",
        ])
        XCTAssertEqual(lines[7], "a\\_left & 8 & 0.000 & [0.000, 0.324] & 0.000 & 0.000 & 0.000 & 0.000 \\\\")
        XCTAssertEqual(lines.suffix(3), ["\\bottomrule", "\\end{tabular}", "\\end{table}"])
    }

    func testAnUnknownFormatIsAUsageError() throws {
        let result = try entente(["compare", "tiny.yaml", "--out", "c", "--format", "html"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.hasPrefix("Error: The value 'html' is invalid for '--format <table|markdown|latex|csv>'. Please provide one of 'table', 'markdown', 'latex' or 'csv'.\n"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("c").path))
    }

    func testLandscapeAsMarkdownHasOneRowPerMinimum() throws {
        let europe = BuiltBinary.packageRoot.appendingPathComponent("Scenarios/landscape/europe-1936.yaml").path
        let result = try entente(["landscape", europe, "--out", "eu", "--format", "markdown"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "results: eu/ (landscape.csv, balance.csv, actors.csv, manifest.json)\n")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(Array(lines[2...5]), [
            "| # | energy | basin | global | side 1 | side 2 |",
            "| ---: | ---: | ---: | :--- | :--- | :--- |",
            "| 1 | -1970.7988 | 48.4% | \\* | GBR CZE DEN FRN RUM USSR | EST FIN GMY GRC HUN ITA LAT LIT POL POR YUG |",
            "| 2 | -1965.6420 | 51.6% |  | GBR CZE DEN FRN ITA POR RUM USSR | EST FIN GMY GRC HUN LAT LIT POL YUG |",
        ])
    }
}
