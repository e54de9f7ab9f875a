import EntenteTestSupport
import Foundation
import XCTest

/// Sweeps with `variants:`: each variant runs at every point on the baseline's streams, runs.csv holds
/// both arms on one row, points.csv the paired differences, `analyze` the indices of the effect.
final class PairedSweepCLITests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-paired" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try write(Self.tinyScenario, to: "tiny.yaml")
    }

    /// Four states, 24 months, a covert transfer (tagged `sale`), its reveal, two attacks; two variants.
    private static let tinyScenario = TinyWorlds.fourStatesTwoYears(
        events: ["{id: sale, at: 2020-03, type: arms_transfer, from: B, to: C, value: 1.0, covert: true, tags: [sale]}",
                 TinyWorlds.leak, TinyWorlds.war, TinyWorlds.war2],
        outcomes: [TinyWorlds.aLeftAndTrustsB[0], "{name: a_low, type: first_crossing, state: A, bloc: X, level: 0.4, direction: down}",
                   TinyWorlds.aLeftAndTrustsB[1]],
        variants: ["{name: no-sale, remove: {tag: sale}}", "{name: loyal, set: {events.war.response: assist}}"])

    private static let gridSweep = """
        scenario: tiny.yaml
        seed: 7
        replicates: 8
        variants: [no-sale]
        parameters:
          betrayal: {values: [0.5, 3]}
          hazard: {values: [1, 8]}

        """

    private func rows(_ name: String) throws -> [[String]] {
        try text(name).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Point 0 runs on the streams (seed 7, point 0, replicate r), the very streams `compare` uses: the
    /// sweep's paired difference at point 0 is compare's, digit for digit (a_trust_b: 0.31698844848755897
    /// → 0.6292319573484461, Δ 0.31224350886088703 [0.3026419381386245, 0.32184507958314956]).
    func testThePairedDifferenceAtPointZeroIsCompareAtTheSameSettings() throws {
        try write(Self.gridSweep, to: "v.yaml")
        let sweep = try entente(["sweep", "v.yaml", "--out", "v", "--quiet"])
        XCTAssertEqual(sweep.status, 0, sweep.stderr)
        XCTAssertEqual(try rows("v/runs.csv")[0], ["point", "replicate", "seed", "betrayal", "hazard", "a_left", "a_left_date", "a_low", "a_low_date", "a_trust_b",
                                                    "no-sale:a_left", "no-sale:a_left_date", "no-sale:a_low", "no-sale:a_low_date", "no-sale:a_trust_b", "status", "error"])
        let points = try rows("v/points.csv")
        XCTAssertEqual(points[0], ["point", "betrayal", "hazard", "outcome", "n", "mean", "sd", "ci95_low", "ci95_high", "p05", "p50", "p95",
                                   "no-sale:mean", "no-sale:difference", "no-sale:difference_ci95_low", "no-sale:difference_ci95_high"])
        XCTAssertEqual(points.count, 1 + 4 * 3, "one row per point and baseline outcome")
        let compare = try entente(["compare", "tiny.yaml", "--set", "betrayal=0.5", "--set", "hazard=1", "--replicates", "8", "--out", "c"])
        XCTAssertEqual(compare.status, 0, compare.stderr)
        let effect = try rows("c/effects.csv").first { $0[0] == "no-sale" && $0[1] == "a_trust_b" }!
        let row = points.first { $0[0] == "0" && $0[3] == "a_trust_b" }!
        XCTAssertEqual(Array(row[12...15]), [effect[4], effect[5], effect[6], effect[7]])
        XCTAssertEqual(Array(row[12...15]), ["0.6292319573484461", "0.31224350886088703", "0.3026419381386245", "0.32184507958314956"])
        XCTAssertEqual(row[5], effect[3])
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("v/manifest.json"))) as? [String: Any]
        XCTAssertEqual(manifest?["variants"] as? [String], ["no-sale"])
        XCTAssertEqual((manifest?["outcome_columns"] as? [[String: Any]])?.count, 10)
    }

    func testAPairedSweepIsByteIdenticalAcrossJobsShardsAndResume() throws {
        try write(Self.gridSweep, to: "v.yaml")
        XCTAssertEqual(try entente(["sweep", "v.yaml", "--out", "one", "--jobs", "1", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["sweep", "v.yaml", "--out", "three", "--jobs", "3", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["sweep", "v.yaml", "--out", "sh", "--shard", "0/2", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["sweep", "v.yaml", "--out", "sh", "--shard", "1/2", "--quiet"]).status, 0)
        let merged = try entente(["merge", "sh"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        // Resume: keep the header and 5 of the 32 rows, as an interrupted sweep would, then finish.
        XCTAssertEqual(try entente(["sweep", "v.yaml", "--out", "re", "--quiet"]).status, 0)
        let cut = try text("re/runs.csv").split(separator: "\n", omittingEmptySubsequences: false).prefix(6).joined(separator: "\n") + "\n"
        try write(cut, to: "re/runs.csv")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("re/points.csv"))
        let resumed = try entente(["sweep", "v.yaml", "--out", "re", "--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("(27 run now)"), resumed.stdout)
        // runs.csv rows are written as runs finish (docs/sweeps.md#runscsv): the same rows, in any order;
        // points.csv is the same bytes.
        let runs = try text("one/runs.csv").split(separator: "\n").sorted()
        XCTAssertEqual(runs.count, 33)
        for other in ["three", "sh", "re"] {
            XCTAssertEqual(try text(other + "/runs.csv").split(separator: "\n").sorted(), runs, "\(other)/runs.csv")
            XCTAssertEqual(try text(other + "/points.csv"), try text("one/points.csv"), "\(other)/points.csv")
        }
    }

    func testAnalyzeGivesTheIndicesOfTheEffectAndTheShareOfPointsWhereItIsSignificant() throws {
        try write("scenario: tiny.yaml\nreplicates: 4\nvariants: [no-sale]\ndesign: saltelli\nsamples: 8\nsecond_order: false\nparameters:\n  betrayal: {from: 0.5, to: 3}\n  hazard: {from: 1, to: 8}\n", to: "s.yaml")
        let sweep = try entente(["sweep", "s.yaml", "--out", "s", "--quiet"])
        XCTAssertEqual(sweep.status, 0, sweep.stderr)
        let sensitivity = try rows("s/sensitivity.csv")
        // 3 baseline + 3 variant outcomes × (4 indices + 2 noise rows) + 3 effects × (4 + 2 + 2 shares).
        XCTAssertEqual(sensitivity.count - 1, 6 * 6 + 3 * 8)
        let indices = sensitivity.filter { $0[0] == "no-sale:a_trust_b:difference" }.map { $0[3] }
        XCTAssertEqual(indices, ["S1", "ST", "S1", "ST", "noise_share", "noise_share_of_means", "share_positive", "share_negative"])
        // The shares are those of points.csv's interval columns: 32 points.
        let points = try rows("s/points.csv").dropFirst()
        for outcome in ["a_left", "a_low", "a_trust_b"] {
            let mine = points.filter { $0[3] == outcome }
            XCTAssertEqual(mine.count, 32)
            let positive = Double(mine.filter { Double($0[14])! > 0 }.count) / 32
            let negative = Double(mine.filter { Double($0[15])! < 0 }.count) / 32
            let shares = sensitivity.filter { $0[0] == "no-sale:\(outcome):difference" && $0[3].hasPrefix("share_") }.map { Double($0[4])! }
            XCTAssertEqual(shares, [positive, negative], outcome)
        }
        // Removing the covert sale keeps A's trust in B higher at every one of the 32 points.
        XCTAssertEqual(sensitivity.first { $0[0] == "no-sale:a_trust_b:difference" && $0[3] == "share_positive" }?[4], "1.0")
    }

    func testBadVariantsAreReportedAtTheirLinesAndNothingIsWritten() throws {
        try write("scenario: tiny.yaml\nvariants: [no-sail, loyal, loyal]\nparameters:\n  betrayal: {values: [0.5, 3]}\n", to: "a.yaml")
        try write("scenario: tiny.yaml\nvariant: loyal\nrecord: full\nvariants: all\nparameters:\n  betrayal: {values: [0.5, 3]}\n", to: "b.yaml")
        try write("scenario: tiny.yaml\nvariants: 3\nparameters:\n  betrayal: {values: [0.5, 3]}\n", to: "c.yaml")
        for (file, expected) in [
            ("a.yaml", ["a.yaml:2:12: error: unknown variant 'no-sail' (did you mean 'no-sale'?); tiny.yaml declares: no-sale, loyal",
                        "a.yaml:2:28: error: variant 'loyal' is listed twice; expected each variant once"]),
            ("b.yaml", ["b.yaml:4:11: error: 'variants' pairs variants with the scenario's baseline; it cannot be combined with 'variant' (found variant: loyal); declare a variant that makes both changes instead",
                        "b.yaml:3:9: error: 'variants' needs record: outcomes (the default); a paired sweep does not write the time series of every arm"]),
            ("c.yaml", ["c.yaml:2:11: error: 'variants' must be all or a non-empty list of the scenario's variant names; found '3'"]),
        ] {
            let result = try entente(["sweep", file, "--out", "never", "--quiet"])
            XCTAssertEqual(result.status, 65, file)
            XCTAssertEqual(result.stderr, expected.joined(separator: "\n") + "\n")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("never").path))
    }
}
