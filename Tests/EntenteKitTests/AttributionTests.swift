import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// `entente attribute` on a two-event world whose effects are computed by hand: trust of A in B starts
/// at 0.8; no memory, balance or noise; `accord` adds 0.15 and `visit` 0.1, and trust is clamped at 1.
/// Outcome with nothing removed 1.0 (0.8 + 0.25 clamped), without accord 0.9, without visit 0.95,
/// without both 0.8.
final class AttributionTests: FolderTestCase {
    override class var folderPrefix: String { "entente-attribute" }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try """
            name: two events
            calendar: {start: 2020-01, end: 2020-06, step: month}
            seed: 1
            replicates: 3
            parameters: {decay: 0, forgiveness: 0, balance: 0, noise: 0, reciprocity: 0}
            states:
              - {id: A, capability: 1}
              - {id: B, capability: 1}
            trust:
              - {from: A, to: B, value: 0.8}
            events:
              - {id: accord, at: 2020-02, type: diplomacy, from: B, to: A, kind: agreement, tags: [talks]}
              - {id: visit, at: 2020-04, type: diplomacy, from: B, to: A, kind: summit, tags: [talks, visits]}
            outcomes:
              - {name: a_trust_b, type: trust, from: A, to: B}

            """.write(to: folder.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
    }

    private func request(by: Attribution.Grouping, shapley: Bool, out: String = "att") -> Attribution.Request {
        var request = Attribution.Request(path: folder.appendingPathComponent("tiny.yaml").path)
        request.by = by
        request.shapley = shapley
        request.out = folder.appendingPathComponent(out).path
        request.jobs = 2
        return request
    }

    private func effect(_ rows: [Attribution.Row], _ player: String) -> Double { rows.first { $0.player == player }!.effect }

    func testLeaveOneOutAndExactShapleyByEventEqualTheHandNumbers() throws {
        let result = try Attribution.execute(request(by: .event, shapley: true))
        XCTAssertEqual(result.players, ["accord", "visit"])
        XCTAssertEqual(result.effects.map(\.player), ["accord", "visit"], "sorted by size")
        XCTAssertEqual(effect(result.effects, "accord"), -0.1, accuracy: 1e-12)
        XCTAssertEqual(effect(result.effects, "visit"), -0.05, accuracy: 1e-12)
        XCTAssertEqual(result.effects[0].baselineMean, 1.0, accuracy: 1e-12)
        XCTAssertEqual(result.effects[0].n, 3)
        // φ_accord = ½[(0.9 − 1) + (0.8 − 0.95)] = −0.125; φ_visit = ½[(0.95 − 1) + (0.8 − 0.9)] = −0.075.
        XCTAssertEqual(effect(result.shapley, "accord"), -0.125, accuracy: 1e-12)
        XCTAssertEqual(effect(result.shapley, "visit"), -0.075, accuracy: 1e-12)
        XCTAssertEqual(effect(result.shapley, "all"), -0.2, accuracy: 1e-12)
        XCTAssertEqual(effect(result.shapley, "accord") + effect(result.shapley, "visit"), effect(result.shapley, "all"), accuracy: 1e-15)
        XCTAssertEqual(result.armsRun, 4)
        let csv = try String(contentsOf: folder.appendingPathComponent("att/attribution.csv"), encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix(Attribution.columns.joined(separator: ",") + "\nevent,accord,a_trust_b,3,1.0,0.9,"), csv)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("att.arms").path), "the arm cache is removed once committed")
    }

    func testByTagRemovesEveryEventCarryingTheTag() throws {
        let result = try Attribution.execute(request(by: .tag, shapley: true))
        XCTAssertEqual(result.players, ["talks", "visits"])
        XCTAssertEqual(effect(result.effects, "talks"), -0.2, accuracy: 1e-12)
        XCTAssertEqual(effect(result.effects, "visits"), -0.05, accuracy: 1e-12)
        // v(talks) = −0.2, v(visits) = −0.05, v(both) = −0.2: φ_talks = ½(−0.2 − 0.15) = −0.175, φ_visits = ½(−0.05 + 0) = −0.025.
        XCTAssertEqual(effect(result.shapley, "talks"), -0.175, accuracy: 1e-12)
        XCTAssertEqual(effect(result.shapley, "visits"), -0.025, accuracy: 1e-12)
    }

    func testPermutationSamplingAddsUpToTheFullEffectAndTelescopes() {
        // A three-player game v(S) = −|S|² / 10 in removal sets: exact φ = −0.3 each by symmetry.
        let value = { (mask: Int) -> Double in -Double(mask.nonzeroBitCount * mask.nonzeroBitCount) / 10 }
        let exact = ShapleyValues.exact(players: 3, value: value)
        for phi in exact { XCTAssertEqual(phi, -0.3, accuracy: 1e-15) }
        let orders = ShapleyValues.permutations(players: 3, count: 50, seed: 9)
        XCTAssertEqual(orders, ShapleyValues.permutations(players: 3, count: 50, seed: 9), "orders depend on the seed only")
        let sampled = ShapleyValues.sampled(players: 3, permutations: orders, value: value)
        XCTAssertEqual(sampled.reduce(0, +), -0.9, accuracy: 1e-12)
    }

    func testAnArmStoredByAnInterruptedRunIsReused() throws {
        var first = request(by: .event, shapley: false)
        let scenario = try ScenarioLoader().load(path: first.path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first.path))
        let runKey = [SHA256.hex([UInt8](bytes)), "", "\(scenario.seed)", "\(scenario.replicates)", "event", EntenteVersion.current].joined(separator: "\n")
        // The baseline arm as an interrupted run would have left it, with a marker value to see it reused.
        let cache = try ArmCache(out: first.out!, runKey: runKey)
        try cache.store([], rows: [[0.5], [0.5], [0.5]])
        first.jobs = 1
        let result = try Attribution.execute(first)
        XCTAssertEqual(result.armsReused, 1)
        XCTAssertEqual(result.armsRun, 2)
        XCTAssertEqual(result.effects.first { $0.player == "accord" }!.baselineMean, 0.5)
    }

    func testAScenarioWithoutTagsIsRefusedByTag() throws {
        let path = folder.appendingPathComponent("untagged.yaml")
        let text = try String(contentsOf: folder.appendingPathComponent("tiny.yaml"), encoding: .utf8)
            .replacingOccurrences(of: ", tags: [talks]", with: "").replacingOccurrences(of: ", tags: [talks, visits]", with: "")
        try text.write(to: path, atomically: true, encoding: .utf8)
        var request = request(by: .tag, shapley: false)
        request.path = path.path
        XCTAssertThrowsError(try Attribution.execute(request)) { error in
            XCTAssertEqual("\(error)", "error: \(path.path) has no event tags; give events `tags: [...]` or use --by event (docs/scenario-format.md)")
        }
    }
}
