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

    /// drivers.csv takes apart model 1's rules only, so under model 2 (`--model 2`, `model: 2`, or in
    /// compare) `--record drivers` is refused before any folder is made, with exit 64.
    func testRecordDriversUnderModelTwoIsRefusedWithExit64AndNoFolder() throws {
        let message = "error: --record drivers is not yet available for model 2 (the scenario's `model: 2` or --model 2): drivers.csv takes apart model 1's rules only; record without drivers, or run under model 1 (docs/outputs.md#driverscsv)\n"
        let flag = try entente(["run", scenario, "--model", "2", "--out", "two", "--replicates", "1", "--record", "drivers", "--quiet"])
        XCTAssertEqual(flag.status, 64)
        XCTAssertEqual(flag.stderr, message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("two").path))
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
        let file = try entente(["run", "two.yaml", "--out", "file", "--record", "every=2,drivers", "--quiet"])
        XCTAssertEqual(file.status, 64)
        XCTAssertEqual(file.stderr, message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("file").path))
        let compare = try entente(["compare", "two.yaml", "--out", "cmp", "--record", "drivers", "--quiet"])
        XCTAssertEqual(compare.status, 64)
        XCTAssertEqual(compare.stderr, message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("cmp").path))
        // Without drivers, and under model 1, the same runs go ahead.
        XCTAssertEqual(try entente(["run", "two.yaml", "--out", "plain", "--record", "every=2", "--quiet"]).status, 0)
        XCTAssertEqual(try entente(["run", "two.yaml", "--model", "1", "--out", "one", "--record", "drivers", "--quiet"]).status, 0)
    }

    func testExplainRefusesARunWithoutDriversWithExit66() throws {
        XCTAssertEqual(try entente(["run", scenario, "--out", "plain", "--replicates", "1", "--quiet"]).status, 0)
        let result = try entente(["explain", "plain", "--state", "ARM", "--bloc", "CSTO"])
        XCTAssertEqual(result.status, 66)
        XCTAssertEqual(result.stderr, "error: plain has no drivers.csv; run the scenario again with `entente run FILE --record drivers` (docs/outputs.md#driverscsv)\n")
        XCTAssertEqual(result.stdout, "")
    }
}
