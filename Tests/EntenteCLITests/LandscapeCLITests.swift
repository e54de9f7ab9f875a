import Foundation
import XCTest

/// `entente landscape` run as the built binary: the shipped 1936 case, the files it writes, and refusals.
final class LandscapeCLITests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-landscape-cli" }

    private var europe: String { BuiltBinary.packageRoot.appendingPathComponent("Scenarios/landscape/europe-1936.yaml").path }

    func testEurope1936HasTwoMinimaAndWritesTheDocumentedFiles() throws {
        let result = try entente(["landscape", europe, "--out", "eu"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.contains("""
            #      energy  basin  global  side 1                            side 2
            -  ----------  -----  ------  --------------------------------  -------------------------------------------
            1  -1970.7988  48.4%  *       GBR CZE DEN FRN RUM USSR          EST FIN GMY GRC HUN ITA LAT LIT POL POR YUG
            2  -1965.6420  51.6%          GBR CZE DEN FRN ITA POR RUM USSR  EST FIN GMY GRC HUN LAT LIT POL YUG
            """), result.stdout)
        XCTAssertTrue(result.stdout.contains("Structural balance: frustration index 16.0; balanced triads 224/299"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("results: eu/ (landscape.csv, balance.csv, actors.csv, manifest.json)\n"), result.stdout)
        let rows = try text("eu/landscape.csv").split(separator: "\n").map(String.init)
        XCTAssertEqual(rows.first, "minimum,energy,global,basin,basin_share,basin_exact,actor,side,frustration")
        XCTAssertEqual(rows.count, 1 + 2 * 17)
        XCTAssertTrue(rows[1].hasPrefix("1,-1970.79"), rows[1])
        XCTAssertTrue(rows[1].contains(",true,31740,0.48431396484375,true,GBR,1,"), rows[1])
        XCTAssertTrue(rows[18].contains(",false,33796,0.51568603515625,true,GBR,1,"), rows[18])
        XCTAssertTrue(try text("eu/balance.csv").hasPrefix("measure,value\nfrustration_index,16"))
        XCTAssertTrue(try text("eu/actors.csv").hasPrefix("actor,size,balance_side,eigenvector,faction\nGBR,7.7787,1,"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("eu/manifest.json"))) as? [String: Any]
        XCTAssertEqual(manifest?["tool"] as? String, "entente")
        XCTAssertEqual(manifest?["source"] as? String, "propensity")
        XCTAssertEqual((manifest?["landscape"] as? [String: Any])?["minima"] as? Int, 2)

        // The same command again refuses to replace the folder; --force replaces it with the same bytes.
        let again = try entente(["landscape", europe, "--out", "eu"])
        XCTAssertEqual(again.status, 73, again.stderr)
        let forced = try entente(["landscape", europe, "--out", "eu", "--force", "--quiet"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(forced.stdout, "results: eu/ (landscape.csv, balance.csv, actors.csv, manifest.json)\n")
        XCTAssertEqual(try text("eu/landscape.csv"), rows.joined(separator: "\n") + "\n")
    }

    func testAllWritesEveryBipartition() throws {
        let result = try entente(["landscape", europe, "--out", "all", "--all", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let rows = try text("all/bipartitions.csv").split(separator: "\n")
        XCTAssertEqual(rows.count, 1 + 65536)
        XCTAssertTrue(rows[0].hasPrefix("bipartition,energy,local_minimum,GBR,CZE,DEN,"))
        XCTAssertEqual(rows.filter { $0.contains(",true,") }.count, 2)
    }

    func testBadInvocationsExitWithDocumentedStatuses() throws {
        let at = try entente(["landscape", europe, "--at", "1936-06", "--out", "x"])
        XCTAssertEqual(at.status, 64)
        XCTAssertEqual(at.stderr, "error: --at simulates trust; it needs --source trust (this file's `propensity:` does not change over time)\n")
        let source = try entente(["landscape", europe, "--source", "votes", "--out", "x"])
        XCTAssertEqual(source.status, 64)
        XCTAssertTrue(source.stderr.contains("--source must be propensity or trust; found 'votes'"), source.stderr)
        let replicate = try entente(["landscape", europe, "--replicate", "2", "--out", "x"])
        XCTAssertEqual(replicate.status, 64)
        XCTAssertTrue(replicate.stderr.contains("--replicate needs --at"), replicate.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
        let missing = try entente(["landscape", "nowhere.yaml"])
        XCTAssertEqual(missing.status, 66)
    }

    private static let small = """
        calendar: {start: 2020-01, end: 2020-12}
        seed: 3
        states: [{id: AAA, capability: 1}, {id: BBB, capability: 2}, {id: CCC, capability: 3}]
        trust:
          - {from: AAA, to: BBB, value: 0.6, mutual: true}
          - {from: AAA, to: CCC, value: -0.4, mutual: true}

        """

    func testARunFolderGivesTheSameLandscapeAsSimulatingToTheSameDate() throws {
        try Data(Self.small.utf8).write(to: folder.appendingPathComponent("small.yaml"))
        let run = try entente(["run", "small.yaml", "--replicates", "5", "--record", "every=3,trust=all", "--out", "r", "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        for (arguments, out) in [(["--run", "r"], "from-run"), (["--at", "2020-12", "--replicates", "5"], "simulated"),
                                 (["--run", "r", "--at", "2020-07", "--replicate", "2"], "run-r2"),
                                 (["--at", "2020-07", "--replicate", "2"], "sim-r2")] {
            let result = try entente(["landscape", "small.yaml", "--out", out, "--quiet"] + arguments)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        for name in ["landscape.csv", "balance.csv", "actors.csv"] {
            XCTAssertEqual(try text("from-run/\(name)"), try text("simulated/\(name)"), name)
            XCTAssertEqual(try text("run-r2/\(name)"), try text("sim-r2/\(name)"), name)
        }
        XCTAssertNotEqual(try text("from-run/actors.csv"), try text("run-r2/actors.csv"))

        let missingStep = try entente(["landscape", "small.yaml", "--run", "r", "--at", "2020-02", "--out", "x"])
        XCTAssertEqual(missingStep.status, 64)
        XCTAssertEqual(missingStep.stderr, "error: r/trust.csv has no rows at 2020-02; expected a recorded step (see `every=` in the run's manifest.json)\n")
        let pairs = try entente(["run", "small.yaml", "--replicates", "2", "--out", "p", "--quiet"])
        XCTAssertEqual(pairs.status, 0, pairs.stderr)
        let partial = try entente(["landscape", "small.yaml", "--run", "p", "--out", "x"])
        XCTAssertEqual(partial.status, 64)
        XCTAssertTrue(partial.stderr.hasPrefix("error: p/trust.csv records trust for 4 of the 6 ordered pairs at 2020-12"), partial.stderr)
        let nothing = try entente(["landscape", "small.yaml", "--run", "nowhere", "--out", "x"])
        XCTAssertEqual(nothing.status, 66)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x").path))
    }
}
