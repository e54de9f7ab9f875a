import Foundation
import XCTest

/// Scripts/validate-loo.sh (`make validate-loo`) on a two-case toy library with a tiny budget: the folds
/// it writes, the tables it collects, and what it refuses to touch.
final class LooScriptTests: XCTestCase {
    private var folder: URL!

    /// Two toys fitting `hazard`: in toy-a BBB's affinity (0.35) is below the outside option (0.45), so it
    /// freezes (observed 2019-01); in toy-b it is 0.6, above it, so it never freezes whatever the hazard
    /// (observed never), and its held-out P is 0 under any fit.
    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-loo-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("library"), withIntermediateDirectories: true)
        let fixtures = BuiltBinary.packageRoot.appendingPathComponent("Tests/Fixtures/calibration")
        let toy = try String(contentsOf: fixtures.appendingPathComponent("toy-freeze.yaml"), encoding: .utf8)
        try toy.write(to: folder.appendingPathComponent("library/toy-a.yaml"), atomically: true, encoding: .utf8)
        try toy.replacingOccurrences(of: "value: 0.35", with: "value: 0.6")
            .replacingOccurrences(of: "happened: 2019-01", with: "happened: never")
            .write(to: folder.appendingPathComponent("library/toy-b.yaml"), atomically: true, encoding: .utf8)
        try """
            # a two-case toy library
            name: toys
            scenarios:
              - toy-a.yaml
              - toy-b.yaml
            parameters:
              hazard: {prior: loguniform, min: 0.05, max: 5}
            window: 12
            particles: 500
            stop: {generations: 9}
            model: 1

            """.write(to: folder.appendingPathComponent("library/cal.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// Runs Scripts/validate-loo.sh in the test's folder through the shared harness, with a tiny budget.
    private func script(_ variables: [String: String]) throws -> (status: Int32, out: String, err: String) {
        var environment = [
            "ENTENTE": try BuiltBinary.required("entente").path, "CAL": "library/cal.yaml", "OUT": "loo",
            "PARTICLES": "6", "REPLICATES": "1", "GENERATIONS": "2", "VALIDATE_REPLICATES": "8", "DRAWS": "4", "JOBS": "1",
        ]
        for (key, value) in variables { environment[key] = value }
        let script = BuiltBinary.packageRoot.appendingPathComponent("Scripts/validate-loo.sh").path
        let result = try CLIHarness.run(URL(fileURLWithPath: "/bin/sh"), [script], in: folder, environment: environment)
        return (result.status, result.stdout, result.stderr)
    }

    private func text(_ path: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) }

    func testEachFoldFitsTheOtherCasesAndTheTablesJoinBothScoresDeterministically() throws {
        guard (try? script(["MODEL": "2", "PYTHON": "python3-missing"]))?.status == 69 else {
            return XCTFail("a missing python3 is reported with exit 69")
        }
        let run = try script(["MODEL": "2"])
        XCTAssertEqual(run.status, 0, run.err)
        // The fold of toy-a fits toy-b only, with the script's budget and model, and CAL's parameters, window and priors.
        let fold = try text("loo/model-2/toy-a/calibration.yaml")
        XCTAssertTrue(fold.hasPrefix("# written by Scripts/validate-loo.sh from library/cal.yaml: MODEL=2 PARTICLES=6 REPLICATES=1 GENERATIONS=2 SEED=16\n"))
        XCTAssertTrue(fold.contains("scenarios:\n  - \(folder.path)/library/toy-b.yaml\nparticles: 6\n"), fold)
        XCTAssertFalse(fold.contains("toy-a.yaml"))
        XCTAssertTrue(fold.contains("hazard: {prior: loguniform, min: 0.05, max: 5}\nwindow: 12\n"), fold)
        XCTAssertTrue(fold.hasSuffix("stop: {generations: 2, min_acceptance: 0.02}\nseed: 16\nmodel: 2\n"), fold)
        XCTAssertFalse(fold.contains("particles: 500"))
        let table = try text("loo/model-2/loo.csv").split(separator: "\n").map(String.init)
        XCTAssertEqual(table.count, 3)
        XCTAssertEqual(table[0], "model,case,outcome,observed,in_p,in_verdict,in_brier,in_log_score,out_p,out_verdict,out_brier,out_log_score")
        XCTAssertTrue(table[1].hasPrefix("2,toy-a,bbb_frozen,2019-01,"), table[1])
        // toy-b never freezes under any hazard: P 0, right, Brier 0, log score 0, in sample and held out.
        XCTAssertEqual(table[2], "2,toy-b,bbb_frozen,never,0.0,right,0.0,0.0,0.0,right,0.0,0.0")
        XCTAssertEqual(try text("loo/model-2/loo-cases.csv").split(separator: "\n").count, 3)
        XCTAssertTrue(run.out.contains("non-events with held-out P > 0.1 of a false event: none"), run.out)
        // Rerunning replaces its own folder and gives the same tables.
        let first = try text("loo/model-2/loo.csv")
        XCTAssertEqual(try script(["MODEL": "2"]).status, 0)
        XCTAssertEqual(try text("loo/model-2/loo.csv"), first)
    }

    func testRefusesBadVariablesAndAFolderItDidNotWrite() throws {
        let model = try script(["MODEL": "3"])
        XCTAssertEqual(model.status, 64)
        XCTAssertEqual(model.err, "validate-loo: MODEL must be 1 or 2; found '3'\n")
        XCTAssertEqual(try script(["PARTICLES": "ten"]).status, 64)
        XCTAssertEqual(try script(["CAL": "nowhere.yaml"]).status, 66)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("loo/model-1"), withIntermediateDirectories: true)
        try "mine\n".write(to: folder.appendingPathComponent("loo/model-1/notes.txt"), atomically: true, encoding: .utf8)
        let foreign = try script(["MODEL": "1"])
        XCTAssertEqual(foreign.status, 73)
        XCTAssertEqual(foreign.err, "validate-loo: loo/model-1 exists and was not written by this script (no .validate-loo inside); move it or set OUT=...\n")
        XCTAssertEqual(try text("loo/model-1/notes.txt"), "mine\n")
    }
}
