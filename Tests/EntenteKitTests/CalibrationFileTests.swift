@testable import EntenteKit
import Foundation
import XCTest

/// The calibration file is validated like every file: every problem at file:line:column.
final class CalibrationFileTests: XCTestCase {
    private func load(_ yaml: String) throws -> CalibrationSpec {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entente-cal-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let toy = CalibrationTests.fixtures.appendingPathComponent("toy-freeze.yaml")
        try FileManager.default.copyItem(at: toy, to: folder.appendingPathComponent("toy.yaml"))
        let path = folder.appendingPathComponent("cal.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try CalibrationDecoder().load(path: path)
    }

    private func messages(_ yaml: String) -> [String] {
        do {
            _ = try load(yaml)
            return []
        } catch let EntenteError.data(diagnostics) {
            return diagnostics.map { "\($0.location!.line):\($0.location!.column): \($0.message)" }
        } catch {
            return ["\(error)"]
        }
    }

    func testDefaultsTakeEveryObservedOutcomeWithWeightOne() throws {
        let spec = try load("scenarios: [toy.yaml]\nparameters:\n  hazard: {prior: uniform, min: 0.1, max: 4}\n")
        XCTAssertEqual(spec.targets.map(\.label), ["toy.yaml:bbb_frozen"])
        XCTAssertEqual(spec.targets.map(\.weight), [1])
        XCTAssertEqual(spec.targets[0].kind, .event(observedMonth: 2019 * 12 + 1, window: 24))
        XCTAssertEqual(spec.settings, ABCSettings(particles: 200, alpha: 0.5, minAcceptance: 0.01, tolerance: nil, generations: 10, simulations: nil, seed: 1))
        XCTAssertEqual(spec.replicates, 10)
    }

    func testWeightsAndNumericObservationsAreApplied() throws {
        let spec = try load("""
        scenarios: [toy.yaml]
        parameters: {hazard: {prior: normal, mean: 2, sd: 1}}
        observations:
          - {outcome: bbb_frozen, weight: 3}
          - {outcome: bbb_frozen, value: 1, scale: 0.5}
        """)
        XCTAssertEqual(spec.targets.map(\.weight), [3, 1])
        XCTAssertEqual(spec.targets[1].kind, .number(value: 1, scale: 0.5))
        XCTAssertEqual(spec.parameters[0].prior, .normal(mean: 2, sd: 1, lower: 0, upper: 100))
    }

    func testUnknownKeysAndParametersGetDidYouMeanAndRangesAreChecked() {
        XCTAssertEqual(messages("""
        scenarios: [toy.yaml]
        particle: 10
        parameters:
          hazzard: {prior: uniform, min: 0.1, max: 4}
          betrayal: {prior: uniform, min: 0, max: 11}
          noise: {prior: loguniform, min: 0, max: 0.5}
          decay: {prior: gamma}
        """), [
            "2:1: unknown key 'particle' in the calibration (did you mean 'particles'?); expected one of: name, description, scenarios, parameters, observations, window, particles, replicates_per_particle, alpha, stop, seed, model",
            "4:3: 'hazzard' is not a model parameter (did you mean 'hazard'?); expected a name from docs/model.md",
            "5:43: 'max' must be between 0 and 10; found 11",
            "6:35: parameter 'noise': a loguniform prior needs min > 0; found 0",
            "7:18: 'prior' of parameter 'decay' must be one of uniform, loguniform, normal; found 'gamma'",
        ])
    }

    func testAWeightForAnUnobservedOutcomeIsRefused() {
        XCTAssertEqual(messages("""
        scenarios: [toy.yaml]
        parameters: {hazard: {prior: uniform, min: 0.1, max: 4}}
        observations: [{outcome: bbb_frozn, weight: 2}]
        """), ["3:26: 'outcome' bbb_frozn has no `observed:` entry in toy.yaml (did you mean 'bbb_frozen'?); a weight applies to an observed outcome, and a numeric observation needs 'value' and 'scale'"])
    }
}
