import EntenteTestSupport
import Foundation
import XCTest

/// `entente validate` and `entente check` on cases with `observed:`, run as the built binary.
final class ValidateCLITests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-validate-cli" }

    /// BBB's exit is scripted for 2018-06 and observed then; CCC, not a member, is observed leaving
    /// in 2019-01 (impossible); AAA is observed never to freeze.
    static let scripted = TinyWorlds.scriptedExit() + """
        observed:
          bbb_left: {happened: 2018-06, source: "the script"}
          ccc_left: {happened: 2019-01, source: "impossible"}
          aaa_frozen: {happened: never, source: "nobody strains the leader"}

        """

    private func write(_ text: String, _ name: String) throws { try cli.write(text, to: name) }

    func testValidatePrintsTheAlignedTableAndSummaryAndWritesBothCSVs() throws {
        try write(Self.scripted, "cases/scripted.yaml")
        let result = try entente(["validate", "cases/scripted.yaml", "--replicates", "20", "--out", "v", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, """
            case      outcome     observed  P      P(any)  date error median [p10, p90]  verdict
            --------  ----------  --------  -----  ------  ----------------------------  -------
            scripted  bbb_left    2018-06   1.000  1.000   0 [0, 0]                      right
            scripted  ccc_left    2019-01   0.000  0.000   -                             wrong
            scripted  aaa_frozen  never     0.000  0.000   -                             right
            cases right: 0 of 1; outcomes right: 2 of 3 (events 1 of 2, non-events 1 of 1); Brier 0.333; log score 1.230; window ±24 months, 20 replicates
            results: v/ (validation.csv, cases.csv, manifest.json)

            """)
        let csv = String(decoding: try Data(contentsOf: folder.appendingPathComponent("v/validation.csv")), as: UTF8.self)
        let lines = csv.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "case_file,case,outcome,type,state,bloc,observed,window,replicates,p_window,p_any,date_err_median,date_err_p10,date_err_p90,brier,log_score,verdict")
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[2], "cases/scripted.yaml,scripted,ccc_left,left,CCC,BLOC,2019-01,24,20,0.0,0.0,,,,1.0,\(-log(1.0 / 40)),wrong")
        let cases = String(decoding: try Data(contentsOf: folder.appendingPathComponent("v/cases.csv")), as: UTF8.self)
        XCTAssertTrue(cases.hasPrefix("case_file,case,outcomes,outcomes_right,right,brier,log_score\ncases/scripted.yaml,scripted,3,2,0,"), cases)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("v/manifest.json"))) as? [String: Any]
        XCTAssertEqual(manifest?["replicates"] as? Int, 20)
        XCTAssertEqual(manifest?["window_months"] as? Int, 24)
        let entry = (manifest?["cases"] as? [[String: Any]])?.first
        XCTAssertEqual(entry?["path"] as? String, "cases/scripted.yaml")
        XCTAssertEqual((entry?["sha256"] as? String)?.count, 64)
        XCTAssertEqual(entry?["seed"] as? Int, 11)
    }

    func testFolderSkipsFilesWithoutObservedWithANoteAndOutputIsTheSameForAnyJobs() throws {
        try write(Self.scripted, "cases/b.yaml")
        try write(Self.scripted.replacingOccurrences(of: "2018-06, source", with: "2019-11, source"), "cases/a-late.yaml")
        try write(Self.scripted.components(separatedBy: "observed:")[0], "cases/c-plain.yaml")
        let one = try entente(["validate", "cases", "--replicates", "30", "--jobs", "1", "--out", "j1"])
        let two = try entente(["validate", "cases/", "--replicates", "30", "--jobs", "2", "--out", "j2", "--quiet"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(two.status, 0, two.stderr)
        XCTAssertTrue(one.stderr.contains("note: skipping cases/c-plain.yaml: no `observed:` outcomes"), one.stderr)
        XCTAssertTrue(one.stderr.contains("validating 1/2: cases/a-late.yaml"), one.stderr)
        XCTAssertEqual(two.stderr, "note: skipping cases/c-plain.yaml: no `observed:` outcomes\n")
        for name in ["validation.csv", "cases.csv"] {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("j1/\(name)")),
                           try Data(contentsOf: folder.appendingPathComponent("j2/\(name)")), name)
        }
        // a-late: exit scripted 2018-06, observed 2019-11: 17 months early, inside ±24, outside ±12.
        XCTAssertTrue(one.stdout.contains("a-late  bbb_left    2019-11   1.000  1.000   -17 [-17, -17]"), one.stdout)
        let narrow = try entente(["validate", "cases/a-late.yaml", "--replicates", "5", "--window", "12", "--out", "w12", "--quiet"])
        XCTAssertTrue(narrow.stdout.contains("a-late  bbb_left    2019-11   0.000  1.000   -17 [-17, -17]"), narrow.stdout)
    }

    func testBadInvocationsExitWithDocumentedStatusesAndWriteNothing() throws {
        try write(Self.scripted.components(separatedBy: "observed:")[0], "plain.yaml")
        try write(Self.scripted, "case.yaml")
        var result = try entente(["validate", "plain.yaml", "--out", "x"])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "plain.yaml:1:1: error: the scenario has no `observed:` outcomes, so there is nothing to validate; add `observed:` (docs/scenario-format.md#observed)\n")
        result = try entente(["validate", "case.yaml", "--set", "states.AAA.capability=2", "--out", "x"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.hasPrefix("error: --set states.AAA.capability=2: validate applies only model parameters"), result.stderr)
        result = try entente(["validate", "missing/", "--out", "x"])
        XCTAssertEqual(result.status, 66)
        XCTAssertEqual(result.stderr, "error: missing/: no such file or folder\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
        result = try entente(["validate", "case.yaml", "--replicates", "3", "--out", "x", "--quiet", "--fail-under", "1"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasSuffix("error: 0 cases right, fewer than --fail-under 1\n"), result.stderr)
        result = try entente(["validate", "case.yaml", "--replicates", "3", "--out", "x", "--quiet"])
        XCTAssertEqual(result.status, 73, "x exists now; --force is needed")
    }

    func testCheckSummarisesObservedOutcomes() throws {
        try write(Self.scripted, "case.yaml")
        let result = try entente(["check", "case.yaml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("  seed 11, 100 replicates\n  observed: 3 outcomes (2 events, 1 non-event)\n"), result.stdout)
    }
}
