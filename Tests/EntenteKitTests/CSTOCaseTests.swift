import Foundation
import XCTest
import EntenteKit

/// The founding case: the shipped CSTO scenario under default parameters, compared with its variants.
final class CSTOCaseTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenario = packageRoot.appendingPathComponent("Scenarios/csto-2018-2024.yaml").path

    private func effect(_ effects: [Comparison.Effect], _ variant: String, _ outcome: String) throws -> Comparison.Effect {
        try XCTUnwrap(effects.first { $0.variant == variant && $0.outcome == outcome }, "\(variant)/\(outcome) missing")
    }

    func testCompareWith200ReplicatesShowsTheCSTOAnswerDroveTheFreezeAndTheTransfersTheExit() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("entente-csto-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        var request = Comparison.Request(path: Self.scenario)
        request.replicates = 200
        request.out = out.path
        let result = try Comparison.execute(request)
        XCTAssertEqual(result.variants, 3)
        XCTAssertEqual(result.replicates, 200)

        // Honouring the 2022 call lowers P(freeze), with a paired interval excluding zero.
        let honoured = try effect(result.effects, "csto-honours-2022", "arm_frozen")
        XCTAssertEqual(honoured.n, 200)
        XCTAssertLessThan(honoured.variantMean, honoured.baselineMean)
        XCTAssertLessThan(honoured.ci95High, 0)

        // Without the Belarusian transfers, P(leave) falls, with a paired interval excluding zero.
        let noArms = try effect(result.effects, "no-belarus-arms", "arm_left")
        XCTAssertLessThan(noArms.variantMean, noArms.baselineMean)
        XCTAssertLessThan(noArms.ci95High, 0)

        // Baseline: Armenia freezes in most replicates and leaves in many; no other member leaves in more than a few percent.
        XCTAssertGreaterThan(honoured.baselineMean, 0.5)
        XCTAssertGreaterThan(noArms.baselineMean, 0.3)
        for other in ["blr_left", "kaz_left", "kgz_left", "tjk_left"] {
            XCTAssertLessThanOrEqual(try effect(result.effects, "never-leaked", other).baselineMean, 0.05, other)
        }

        // effects.csv has exactly the documented columns.
        let effects = try String(contentsOf: out.appendingPathComponent("effects.csv"), encoding: .utf8)
        XCTAssertEqual(effects.split(separator: "\n").first.map(String.init),
                       "variant,outcome,n,baseline_mean,variant_mean,difference,ci95_low,ci95_high,variant_ci95_low,variant_ci95_high")
        let outcomes = try String(contentsOf: out.appendingPathComponent("outcomes.csv"), encoding: .utf8)
        XCTAssertEqual(outcomes.split(separator: "\n").count, 1 + 4 * 200)
    }

    func testPairedEffectOfIdenticalSamplesIsExactlyZero() {
        let effect = Comparison.effect(variant: "v", outcome: "o", baseline: [1, 0, 1, 1], values: [1, 0, 1, 1], binary: true)
        XCTAssertEqual(effect.difference, 0)
        XCTAssertEqual(effect.ci95Low, 0)
        XCTAssertEqual(effect.ci95High, 0)
        XCTAssertEqual(effect.variantMean, 0.75)
    }

    func testPairedTIntervalMatchesHandComputation() {
        // Differences 1, 2, 3: mean 2, sd 1, t(0.975, 2) = 4.302652729911275, half-width 4.3026527/√3.
        let effect = Comparison.effect(variant: "v", outcome: "o", baseline: [0, 0, 0], values: [1, 2, 3], binary: false)
        XCTAssertEqual(effect.difference, 2, accuracy: 1e-12)
        XCTAssertEqual(effect.ci95Low, 2 - 4.302652729911275 / 3.0.squareRoot(), accuracy: 1e-9)
        XCTAssertEqual(effect.ci95High, 2 + 4.302652729911275 / 3.0.squareRoot(), accuracy: 1e-9)
    }

    func testWilsonIntervalMatchesHandComputationAndHasExactEnds() {
        // 8 of 10: centre (0.8 + z²/20)/(1 + z²/10), z = 1.959963984540054.
        let z = 1.959963984540054
        let centre = (0.8 + z * z / 20) / (1 + z * z / 10)
        let half = z * (0.8 * 0.2 / 10 + z * z / 400).squareRoot() / (1 + z * z / 10)
        let (low, high) = Statistics.wilson(successes: 8, n: 10)
        XCTAssertEqual(low, centre - half, accuracy: 1e-12)
        XCTAssertEqual(high, centre + half, accuracy: 1e-12)
        XCTAssertEqual(Statistics.wilson(successes: 0, n: 50).0, 0)
        XCTAssertEqual(Statistics.wilson(successes: 50, n: 50).1, 1)
    }
}
