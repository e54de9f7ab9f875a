import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// drivers.csv under model 2 (docs/outputs.md#driverscsv-under-model-2): one row worked out by hand,
/// its terms adding up to the step's target, and its columns agreeing with the decisions rule 6 took.
final class DriversModelTwoTests: XCTestCase {
    /// A (capability 1, autonomy 0.5) in X led by L (3); E (1) an enemy of A from the start (T_AE = −0.5, so
    /// H_AE = 0.5). At step 0 A calls X for aid and L declines: T_AL = 0.5 − abandonment 0.25 = 0.25 and
    /// G_AX = grievance 0.5 · 0.25 = 0.125. No memory, noise or decay, so step 0 is exact in binary.
    static let handWorld = """
        model: 2
        calendar: {start: 2020-01, end: 2020-02, step: month}
        replicates: 1
        parameters: {noise: 0, decay: 0, forgiveness: 0, balance: 0, hostility_decay: 0, grievance_decay: 0, k_assist: 0,
                     member_trust: 0.5, member_affinity: 0.75, adaptation: 0.5, abandonment: 0.25, grievance: 0.5,
                     w_trust: 0.5, w_security: 0.5, nonaligned: 0.5, trigger_weight: 1, freeze_threshold: 0.015625,
                     leave_threshold: 0.125, exit_cost: 0.5, hazard: 2}
        states:
          - {id: A, capability: 1, autonomy: 0.5}
          - {id: L, capability: 3}
          - {id: E, capability: 1}
        blocs:
          - {id: X, leader: L, members: [A, L], obligation: 1}
        trust:
          - {from: A, to: E, value: -0.5}
        events:
          - {id: call, step: 0, type: aid_request, from: A, intensity: 1, response: decline}
        """

    /// drivers.csv of one replicate of `scenario` (header, then rows split into fields), and affinity.csv's rows.
    private func record(_ scenario: Scenario, replicate: Int = 0) -> (header: [String], rows: [[String]], affinity: [[String]]) {
        var recorder = SeriesRecorder(replicate: replicate, scenario: scenario, labels: scenario.calendar.labels,
                                      options: RecordOptions(drivers: true))
        let result = Engine(scenario: scenario).run(replicate: replicate, observer: &recorder)
        XCTAssertNil(result.error)
        func lines(_ buffer: CSVBuffer) -> [[String]] {
            String(decoding: buffer.bytes, as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        }
        return (SeriesRecorder.driversHeader(model: scenario.model), lines(recorder.drivers), lines(recorder.affinity))
    }

    func testARowOfModelTwoDriversMatchesTheHandComputedNeedCoverGrievanceTargetAndFeltGap() throws {
        let scenario = try ModelKit.scenario(Self.handWorld)
        let (header, rows, _) = record(scenario)
        XCTAssertEqual(header, SeriesRecorder.driversHeader + ["grievance", "dominance", "grievance_term", "hierarchy_term",
                                                               "felt_affinity", "felt_gap", "exit_cost_term", "exit_excess", "anchored"])
        XCTAssertEqual(rows.count, 2 * 3 * 1)   // 2 steps × 3 states × 1 bloc
        let row = Dictionary(uniqueKeysWithValues: zip(header, rows[0]))
        // threat θ_A = c_E · H_AE = 0.5; need = H_AE · c_E / (c_E + c_A) = 0.25.
        // cover against E: L alone, c_L · T_AL · σ(0) = 3 · 0.25 · 0.5 = 0.375 < c_E · H_AE = 0.5, so 0.375 / 0.5 = 0.75.
        // dominance 3 / (1 + 3) = 0.75; hierarchy cost w_security · a · dom = 0.5 · 0.5 · 0.75 = 0.1875.
        // target = (1 + 0.5 · (0.25 − 0.125) + 0.5 · 0.25 · (2 · 0.75 − 1) − 0.1875) / 2 = 0.46875
        //        = 0.5 + trust 0.0625 + grievance −0.03125 + security 0.03125 + hierarchy −0.09375.
        // affinity 0.75 + 0.5 · (0.46875 − 0.75) = 0.609375; gap 0.5 − 0.609375 = −0.109375: no freeze on affinity,
        // but the felt affinity with trigger_weight 1 is the target, felt gap 0.5 − 0.46875 = 0.03125 > 0.015625:
        // hazard 2 · 0.015625 = 0.03125. Exit: 0.5 − 0.46875 − 0.125 − exit_cost 0.5 · 0.25 · 0.75 = −0.1875.
        let expected: [String: String] = [
            "replicate": "0", "step": "0", "date": "2020-01", "state": "A", "bloc": "X", "status": "member",
            "threat": "0.5", "need": "0.25", "cover": "0.75", "bloc_trust": "0.25",
            "half": "0.5", "trust_term": "0.0625", "security_term": "0.03125", "clamp": "0.0", "target": "0.46875",
            "affinity": "0.609375", "outside_option": "nonaligned", "outside_affinity": "0.5", "gap": "-0.109375",
            "change": "freeze", "hazard": "0.03125", "probability": "\(1 - exp(-0.03125))",
            "grievance": "0.125", "dominance": "0.75", "grievance_term": "-0.03125", "hierarchy_term": "-0.09375",
            "felt_affinity": "0.46875", "felt_gap": "0.03125", "exit_cost_term": "0.09375", "exit_excess": "-0.1875", "anchored": "0",
        ]
        for (column, value) in expected { XCTAssertEqual(row[column], value, column) }
        // The leader L is anchored: no hierarchy cost, no freeze check.
        let leader = Dictionary(uniqueKeysWithValues: zip(header, rows[1]))
        XCTAssertEqual(leader["anchored"], "1")
        XCTAssertEqual(leader["hierarchy_term"], "0.0")
        XCTAssertEqual(leader["probability"], "0.0")
    }

    /// The terms add up to the step's target bit for bit in the documented order, on the CSTO case under model 2.
    func testModelTwoTermsSumToTheTargetBitForBitOnTheCSTOCase() throws {
        let scenario = try ScenarioLoader().load(path: CSTOCaseTests.scenario, settings: ["model=2"])
        let (header, rows, affinity) = record(scenario, replicate: 3)
        let wTrust = scenario.parameters[.wTrust]
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        XCTAssertEqual(rows.count, affinity.count)
        var grievanceRows = 0, clamped = 0
        for (row, after) in zip(rows, affinity) {
            XCTAssertEqual(row.count, header.count)
            let value = { (name: String) in Double(row[column[name]!])! }
            let sum = ((((value("half") + value("trust_term")) + value("grievance_term")) + value("security_term"))
                       + value("hierarchy_term")) + value("clamp")
            XCTAssertEqual(sum.bitPattern, value("target").bitPattern, row.joined(separator: ","))
            if value("clamp") != 0 { clamped += 1 }
            XCTAssertEqual(value("grievance_term"), -wTrust * value("grievance") / 2, accuracy: 1e-15)
            if value("grievance") > 0 { grievanceRows += 1 }
            XCTAssertEqual(Array(row[0..<5]), Array(after[0..<5]))
            XCTAssertEqual(row[column["affinity"]!], after[5])
        }
        XCTAssertGreaterThan(grievanceRows, 0, "the CSTO case has declined calls, so some grievance")
        XCTAssertGreaterThan(clamped, 0, "Armenia's target reaches 0 after 2023-09, so some rows are clamped")
    }

    /// With a hazard so large that every probability is 0 or 1, rule 6 freezes a member exactly when drivers.csv
    /// shows felt_gap > freeze_threshold and the member is not anchored, and leaves exactly when exit_excess > 0.
    func testFreezeAndExitHappenExactlyWhenTheRecordedFeltGapAndExitExcessSaySo() throws {
        var scenario = try ScenarioLoader().load(path: CSTOCaseTests.scenario, settings: ["model=2"])
        scenario.parameters[.hazard] = 1e9
        let threshold = scenario.parameters[.freezeThreshold]
        var freezes = 0, holds = 0, leaves = 0
        for replicate in 0..<3 {
            let (header, rows, affinity) = record(scenario, replicate: replicate)
            let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
            for (row, after) in zip(rows, affinity) {
                let value = { (name: String) in Double(row[column[name]!])! }
                let statusAfter = after[6]
                let anchored = row[column["anchored"]!] == "1"
                switch row[column["status"]!] {
                case "member":
                    let due = value("felt_gap") > threshold && !anchored
                    XCTAssertEqual(value("probability") > 0, due, row.joined(separator: ","))
                    guard !due || value("probability") == 1 else { continue }  // an excess below ~1e-8: a real draw
                    XCTAssertEqual(statusAfter == "frozen", due, row.joined(separator: ","))
                    if due { freezes += 1 } else { holds += 1 }
                case "frozen":
                    let due = value("exit_excess") > 0 && !anchored
                    XCTAssertEqual(row[column["change"]!] == "leave" && value("probability") > 0, due, row.joined(separator: ","))
                    guard !due || value("probability") == 1 else { continue }
                    XCTAssertEqual(statusAfter == "left", due, row.joined(separator: ","))
                    if due { leaves += 1 }
                default:
                    break
                }
            }
        }
        XCTAssertGreaterThan(freezes, 0)
        XCTAssertGreaterThan(leaves, 0)
        XCTAssertGreaterThan(holds, freezes)
    }
}
