import EntenteKit
import Foundation
import XCTest

/// `entente run --record drivers`: drivers.csv is added and no other byte changes; its terms sum to the target exactly.
final class DriversCLITests: CLIHarnessTestCase {
    override class var folderPrefix: String { "entente-drivers" }

    private var scenario: String { BuiltBinary.packageRoot.appendingPathComponent("Scenarios/csto-2018-2024.yaml").path }

    func testRecordingDriversAddsDriversCSVAndChangesNoOtherByte() throws {
        XCTAssertEqual(try entente(["run", scenario, "--out", "off", "--replicates", "3", "--record", "every=6", "--jobs", "2", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["run", scenario, "--out", "on", "--replicates", "3", "--record", "every=6,drivers", "--jobs", "2", "--quiet"]).status, 0)
        let off = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("off").path).filter { !$0.hasPrefix(".") }.sorted()
        let on = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("on").path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertEqual(on, (off + ["drivers.csv"]).sorted())
        for name in off where name != "manifest.json" {
            XCTAssertEqual(try read("off/" + name), try read("on/" + name), "\(name) changed when drivers were recorded")
        }
        let manifest = try JSONSerialization.jsonObject(with: read("on/manifest.json")) as? [String: Any]
        XCTAssertEqual((manifest?["record"] as? [String: Any])?["drivers"] as? Bool, true)
        let plain = try JSONSerialization.jsonObject(with: read("off/manifest.json")) as? [String: Any]
        XCTAssertNil((plain?["record"] as? [String: Any])?["drivers"])
    }

    func testDriversTermsSumToTheTargetBitForBitAndMatchAffinityCSV() throws {
        XCTAssertEqual(try entente(["run", scenario, "--out", "run", "--replicates", "2", "--record", "drivers", "--quiet"]).status, 0)
        let lines = String(decoding: try read("run/drivers.csv"), as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(lines[0], SeriesRecorder.driversHeader)
        let column = Dictionary(uniqueKeysWithValues: lines[0].enumerated().map { ($1, $0) })
        let affinity = String(decoding: try read("run/affinity.csv"), as: UTF8.self).split(separator: "\n").dropFirst()
        XCTAssertEqual(lines.count - 1, affinity.count, "one drivers row per affinity row")
        // 2 replicates × 96 monthly steps × 11 states × 2 blocs.
        XCTAssertEqual(lines.count - 1, 2 * 96 * 11 * 2)
        var clamped = 0
        for (row, affinityRow) in zip(lines.dropFirst(), affinity) {
            let value = { (name: String) in Double(row[column[name]!])! }
            let sum = ((value("half") + value("trust_term")) + value("security_term")) + value("clamp")
            XCTAssertEqual(sum.bitPattern, value("target").bitPattern, row.joined(separator: ","))
            if value("clamp") != 0 { clamped += 1 }
            // The same replicate, step, state, bloc and affinity as affinity.csv.
            let other = affinityRow.split(separator: ",").map(String.init)
            XCTAssertEqual(Array(row[0..<5]), Array(other[0..<5]))
            XCTAssertEqual(row[column["affinity"]!], other[5])
            XCTAssertEqual(value("gap").bitPattern, (value("outside_affinity") - value("affinity")).bitPattern)
        }
        XCTAssertEqual(clamped, 0, "the CSTO weights never reach the clamp")
    }

    /// Two members, no threat, no noise or memory: A's target is (1 + 0.6 · 0.5)/2 = 0.65 (trust term 0.15)
    /// until `jolt` cuts A's trust in B by 0.3 in 2020-04: trust term 0.06, target 0.56. Affinity starts at
    /// 0.7 and moves 15 % of the way each step: 0.6925, 0.686125, 0.68060625, 0.66251531…, 0.6472…, 0.6341…
    func testExplainPrintsTheTermsOfATinyRunAndTheEventAtTheJump() throws {
        try """
            name: explain tiny
            calendar: {start: 2020-01, end: 2020-06, step: month}
            seed: 1
            replicates: 2
            parameters: {decay: 0, forgiveness: 0, balance: 0, noise: 0}
            states:
              - {id: A, capability: 1}
              - {id: B, capability: 1}
            blocs:
              - {id: X, leader: B, members: [A, B], obligation: 1}
            trust:
              - {from: A, to: B, value: 0.5, mutual: true}
            events:
              - {id: jolt, at: 2020-04, type: shock, trust: [{from: A, to: B, delta: -0.3}]}
            outcomes:
              - {name: a_affinity_x, type: affinity, state: A, bloc: X}

            """.write(to: folder.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try entente(["run", "tiny.yaml", "--out", "run", "--record", "drivers", "--quiet"]).status, 0)
        let result = try entente(["explain", "run", "--state", "A", "--bloc", "X", "--rows", "6"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.components(separatedBy: "\n").dropLast().map { $0 }
        XCTAssertEqual(lines[2], "median replicate 0 (nearest to the across-replicate median affinity)")
        XCTAssertEqual(lines[4], " 2020-01  member     0.693     0.65    0.5     0.15         0.0      0.0")
        XCTAssertEqual(lines[7], " 2020-04  member     0.663     0.56    0.5     0.06         0.0      0.0")
        XCTAssertEqual(lines[10], "change 2020-01→2020-06: affinity -0.058, target -0.09 = trust -0.09 + security 0.0 + clamp 0.0")
        XCTAssertEqual(lines.last, "  2020-04 trust -0.09: jolt")
    }

    /// Under model 2 (`--model 2`, `model: 2`, or in compare) `--record drivers` writes model 2's drivers.csv:
    /// model 1's columns, then model 2's; `explain` reads it and shows the grievance and hierarchy terms.
    func testRecordDriversUnderModelTwoWritesModelTwoColumnsInRunAndCompareAndExplainReadsThem() throws {
        let modelTwoHeader = SeriesRecorder.driversHeader + ["grievance", "dominance", "grievance_term", "hierarchy_term",
                                                             "felt_affinity", "felt_gap", "exit_cost_term", "exit_excess", "anchored"]
        XCTAssertEqual(SeriesRecorder.driversModelTwoHeader, modelTwoHeader)
        try """
            name: model two tiny
            model: 2
            calendar: {start: 2020-01, end: 2020-03, step: month}
            replicates: 1
            states:
              - {id: A, capability: 1}
              - {id: B, capability: 1}
            blocs:
              - {id: X, leader: B, members: [A, B]}
            variants:
              - {name: calm, parameters: {noise: 0}}

            """.write(to: folder.appendingPathComponent("two.yaml"), atomically: true, encoding: .utf8)
        func header(_ path: String) throws -> String {
            String(String(decoding: try read(path), as: UTF8.self).split(separator: "\n")[0])
        }
        let file = try entente(["run", "two.yaml", "--out", "file", "--record", "every=2,drivers", "--quiet"])
        XCTAssertEqual(file.status, 0, file.stderr)
        XCTAssertEqual(try header("file/drivers.csv"), modelTwoHeader.joined(separator: ","))
        // 2 recorded steps (0 and the last) × 2 states × 1 bloc.
        XCTAssertEqual(String(decoding: try read("file/drivers.csv"), as: UTF8.self).split(separator: "\n").count, 1 + 2 * 2)
        let compare = try entente(["compare", "two.yaml", "--out", "cmp", "--record", "drivers", "--quiet"])
        XCTAssertEqual(compare.status, 0, compare.stderr)
        XCTAssertEqual(try header("cmp/drivers.csv"), (["variant"] + modelTwoHeader).joined(separator: ","))
        XCTAssertEqual(try entente(["run", scenario, "--model", "2", "--out", "two", "--replicates", "1", "--record", "every=12,drivers", "--quiet"]).status, 0)
        XCTAssertEqual(try header("two/drivers.csv"), modelTwoHeader.joined(separator: ","))
        // Under model 1 the same file keeps model 1's 22 columns.
        XCTAssertEqual(try entente(["run", "two.yaml", "--model", "1", "--out", "one", "--record", "drivers", "--quiet"]).status, 0)
        XCTAssertEqual(try header("one/drivers.csv"), SeriesRecorder.driversHeader.joined(separator: ","))
        let explain = try entente(["explain", "file", "--state", "A", "--bloc", "X"])
        XCTAssertEqual(explain.status, 0, explain.stderr)
        let lines = explain.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "A's affinity for X: target = 1/2 + trust term + grievance term + security term + hierarchy term + clamp (docs/model.md, model 2 rule 5)")
        XCTAssertEqual(lines[3], "    date  status  affinity   target  = 1/2  + trust  + grievance  + security  + hierarchy  + clamp")
        // Arms under different models cannot share one drivers.csv header: refused before any folder is made.
        try String(decoding: try read("two.yaml"), as: UTF8.self).replacingOccurrences(of: "parameters: {noise: 0}}", with: "set: {model: 1}}")
            .write(to: folder.appendingPathComponent("mixed.yaml"), atomically: true, encoding: .utf8)
        let mixed = try entente(["compare", "mixed.yaml", "--out", "mixed", "--record", "drivers", "--quiet"])
        XCTAssertEqual(mixed.status, 64)
        XCTAssertEqual(mixed.stderr, "error: --record drivers: the arms run under model 2 and model 1, and drivers.csv has one header (model 2's has more columns); record the arms separately with `entente run --variant NAME --record drivers` (docs/outputs.md#driverscsv-under-model-2)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("mixed").path))
    }

    /// Model 1's drivers.csv is pinned to its bytes from before model 2's drivers existed (main 9538b65):
    /// adding model 2's columns and hook changed nothing under model 1.
    func testModelOneDriversCSVKeepsItsBytes() throws {
        XCTAssertEqual(try entente(["run", scenario, "--out", "one", "--replicates", "2", "--seed", "5", "--record", "every=12,trust=none,drivers", "--quiet"]).status, 0)
        let bytes = try read("one/drivers.csv")
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self).split(separator: "\n").count, 1 + 2 * 9 * 11 * 2)  // 9 recorded steps
        XCTAssertEqual(SHA256.hex(bytes), "0eef5f9d0466fe684d3b8460a2415f3f17720a4f4b3c029ad866d985cd9a16b5")
    }

    func testExplainRefusesARunWithoutDriversWithExit66() throws {
        XCTAssertEqual(try entente(["run", scenario, "--out", "plain", "--replicates", "1", "--quiet"]).status, 0)
        let result = try entente(["explain", "plain", "--state", "ARM", "--bloc", "CSTO"])
        XCTAssertEqual(result.status, 66)
        XCTAssertEqual(result.stderr, "error: plain has no drivers.csv; run the scenario again with `entente run FILE --record drivers` (docs/outputs.md#driverscsv)\n")
        XCTAssertEqual(result.stdout, "")
    }
}
