import Foundation
import XCTest

/// Scripts/screen-library.sh (`make screen-library`) on a two-case toy library: the Morris effects it computes
/// from `entente validate`'s scored probabilities, its tables' columns and bytes, and what it refuses to touch.
final class ScreenScriptTests: XCTestCase {
    private var folder: URL!

    /// Two toys under model 1 (adaptation 0, noise 0, hazard 100, freeze_threshold 0.1). In toy-a BBB's affinity
    /// is fixed at 0.35, so at `nonaligned` 0.3 or 0.4 its gap (−0.05, 0.05) stays below the threshold and it
    /// never freezes, while at 0.5 or 0.6 the excess (0.05, 0.15) freezes it within a month or two with
    /// certainty (a month's chance 1 − e^−5 or more): inside ±12 months of the observed 2018-06, so P is 0 or 1.
    /// In toy-b its affinity is 0.7, it never freezes (observed never), and P is 0 at every point.
    /// `betrayal` does nothing in a world without arms transfers.
    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-screen-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("library"), withIntermediateDirectories: true)
        let fixtures = BuiltBinary.packageRoot.appendingPathComponent("Tests/Fixtures/calibration")
        let toy = try String(contentsOf: fixtures.appendingPathComponent("toy-freeze.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "parameters: {adaptation: 0, noise: 0, leave_threshold: 1}",
                                  with: "parameters: {adaptation: 0, noise: 0, leave_threshold: 1, hazard: 100, freeze_threshold: 0.1}")
            .replacingOccurrences(of: "happened: 2019-01", with: "happened: 2018-06")
        XCTAssertTrue(toy.contains("hazard: 100") && toy.contains("happened: 2018-06"), "the fixture changed; update this test")
        try toy.write(to: folder.appendingPathComponent("library/toy-a.yaml"), atomically: true, encoding: .utf8)
        try toy.replacingOccurrences(of: "value: 0.35", with: "value: 0.7")
            .replacingOccurrences(of: "happened: 2018-06", with: "happened: never")
            .write(to: folder.appendingPathComponent("library/toy-b.yaml"), atomically: true, encoding: .utf8)
        try """
            # a two-case toy screen
            name: toys
            scenarios:
              - toy-a.yaml
              - toy-b.yaml
            parameters:
              # the outside option, across the freeze threshold
              nonaligned: {from: 0.3, to: 0.6}
              betrayal: {from: 1, to: 4}

            """.write(to: folder.appendingPathComponent("library/screen.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// Runs Scripts/screen-library.sh in the test's folder through the shared harness: model 1, R = 2, 8 replicates.
    private func script(_ variables: [String: String]) throws -> (status: Int32, out: String, err: String) {
        var environment = [
            "ENTENTE": try BuiltBinary.required("entente").path, "SCREEN": "library/screen.yaml", "OUT": "screen",
            "MODEL": "1", "R": "2", "REPLICATES": "8", "WINDOW": "12", "JOBS": "1",
        ]
        for (key, value) in variables { environment[key] = value }
        let script = BuiltBinary.packageRoot.appendingPathComponent("Scripts/screen-library.sh").path
        let result = try CLIHarness.run(URL(fileURLWithPath: "/bin/sh"), [script], in: folder, environment: environment)
        return (result.status, result.stdout, result.stderr)
    }

    private func text(_ path: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) }

    func testMuStarIsTheMeanAbsoluteEffectOnValidatesScoredPAveragedOverOutcomesAndRerunsToTheSameBytes() throws {
        let run = try script([:])
        XCTAssertEqual(run.status, 0, run.err)
        // 2 trajectories of 3 points (k = 2); every point a `validate` of both cases.
        XCTAssertTrue(run.out.contains("screen, model 1: 2 cases from library/screen.yaml; 6 points (R = 2 trajectories, 4 levels), 8 replicates per case and point, seed 16, window ±12 months\n"), run.out)
        XCTAssertEqual(try text("screen/points/0005/validation.csv").split(separator: "\n").count, 3)
        // Every step of nonaligned is Δ = 2/3 of its range (0.3 ↔ 0.5 or 0.4 ↔ 0.6) and takes toy-a's P from 0 to 1:
        // effect 1 / (2/3) = 1.5 in each trajectory, so μ* 1.5 and σ 0 there; toy-b's 0 halves the mean to 0.75.
        // Both trajectories give the same effects, so every bootstrap resample does too: an interval of width 0.
        XCTAssertEqual(try text("screen/screen.csv"), """
            rank,parameter,mu_star,mu_star_ci95_low,mu_star_ci95_high,sigma,mu_star_events,mu_star_nonevents,top_case,top_case_mu_star
            1,nonaligned,0.75,0.75,0.75,0.0,1.5,0.0,toy-a,1.5
            2,betrayal,0.0,0.0,0.0,0.0,0.0,0.0,,

            """)
        XCTAssertEqual(try text("screen/screen-cases.csv"), """
            case,outcomes,rank,parameter,mu_star,sigma
            toy-a,1,1,nonaligned,1.5,0.0
            toy-a,1,2,betrayal,0.0,0.0
            toy-b,1,1,nonaligned,0.0,0.0
            toy-b,1,2,betrayal,0.0,0.0

            """)
        XCTAssertEqual(try text("screen/screen-outcomes.csv").split(separator: "\n").map(String.init), [
            "case,outcome,observed,parameter,mu,mu_star,sigma",
            "toy-a,bbb_frozen,2018-06,nonaligned,1.5,1.5,0.0",
            "toy-a,bbb_frozen,2018-06,betrayal,0.0,0.0,0.0",
            "toy-b,bbb_frozen,never,nonaligned,0.0,0.0,0.0",
            "toy-b,bbb_frozen,never,betrayal,0.0,0.0,0.0",
        ])
        XCTAssertTrue(run.out.contains("1     nonaligned  0.7500  0.0000  0.0000  1.5000      0.0000          toy-a 1.500\n"), run.out)
        // The design sweep is Entente's morris design over the screen file's parameters block, comments and all.
        XCTAssertTrue(try text("screen/design.yaml").hasSuffix("""
            design: morris
            samples: 2
            levels: 4
            parameters:
              # the outside option, across the freeze threshold
              nonaligned: {from: 0.3, to: 0.6}
              betrayal: {from: 1, to: 4}

            """))
        // Rerunning with two jobs replaces its own folder and writes the same bytes.
        let tables = try ["screen.csv", "screen-cases.csv", "screen-outcomes.csv"].map { try text("screen/" + $0) }
        XCTAssertEqual(try script(["JOBS": "2"]).status, 0)
        XCTAssertEqual(try ["screen.csv", "screen-cases.csv", "screen-outcomes.csv"].map { try text("screen/" + $0) }, tables)
    }

    func testRefusesBadVariablesAndAFolderItDidNotWrite() throws {
        let model = try script(["MODEL": "3"])
        XCTAssertEqual(model.status, 64)
        XCTAssertEqual(model.err, "screen-library: MODEL must be 1 or 2; found '3'\n")
        XCTAssertEqual(try script(["R": "eight"]).err, "screen-library: R must be a whole number; found 'eight'\n")
        XCTAssertEqual(try script(["R": "1"]).status, 64)
        XCTAssertEqual(try script(["SCREEN": "nowhere.yaml"]).status, 66)
        XCTAssertEqual(try script(["PYTHON": "python3-missing"]).status, 69)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try "mine\n".write(to: folder.appendingPathComponent("mine/notes.txt"), atomically: true, encoding: .utf8)
        let foreign = try script(["OUT": "mine"])
        XCTAssertEqual(foreign.status, 73)
        XCTAssertEqual(foreign.err, "screen-library: mine exists and was not written by this script (no .screen-library inside); move it or set OUT=...\n")
        XCTAssertEqual(try text("mine/notes.txt"), "mine\n")
    }
}
