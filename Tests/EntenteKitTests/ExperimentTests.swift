import EntenteTestSupport
import Foundation
import XCTest
@testable import EntenteCore
@testable import EntenteKit

/// The in-process entry point: `Experiment(scenario:points:replicates:seed:).run(jobs:)`.
final class ExperimentTests: XCTestCase {
    /// The four-state world with B's covert sale to C and its leak, no attack, the model's default parameters.
    private static let yaml = TinyWorlds.fourStatesTwoYears(parameters: nil, trust: [TinyWorlds.aDistrustsC],
                                                            events: [TinyWorlds.covertSale, TinyWorlds.leak])

    /// Each run is the run of the re-parameterised engine with stream (seed, point, replicate), and the
    /// results do not depend on the number of threads.
    func testRunsAreTheEngineRunsOfEachPointWhateverTheJobs() throws {
        let scenario = try ModelKit.scenario(Self.yaml)
        let points = Experiment.points(from: scenario.parameters, parameters: [.betrayal, .memberTrust], values: [[0.5, 0.1], [3.0, 0.9]])
        XCTAssertEqual(points[1][.betrayal], 3.0)
        XCTAssertEqual(points[1][.memberTrust], 0.9)
        XCTAssertEqual(points[1][.decay], scenario.parameters[.decay])
        let experiment = Experiment(scenario: scenario, points: points, replicates: 3, seed: 11)
        let one = experiment.run(jobs: 1)
        let two = experiment.run(jobs: 2)
        XCTAssertEqual(one.columns.map(\.name), ["a_left", "a_left_date", "a_trust_b"])
        XCTAssertEqual(one.runs.count, 6)
        XCTAssertEqual(one.runs.map { $0.outcomes.map(\.bitPattern) }, two.runs.map { $0.outcomes.map(\.bitPattern) })
        for point in 0..<2 {
            var edited = scenario
            edited.parameters = points[point]
            let engine = Engine(scenario: edited)
            for replicate in 0..<3 {
                var observer = NullObserver()
                let expected = engine.run(replicate: replicate, point: point, seed: 11, observer: &observer)
                XCTAssertEqual(one.runs[point * 3 + replicate].outcomes.map(\.bitPattern), expected.outcomes.map(\.bitPattern))
                XCTAssertEqual(one.value(point: point, replicate: replicate, column: 2).bitPattern, expected.outcomes[2].bitPattern)
            }
        }
        // A's trust in B starts at member_trust (no listed value), so the two points start 0.8 apart.
        XCTAssertNotEqual(one.mean(point: 0, column: 2), one.mean(point: 1, column: 2))
        XCTAssertEqual(one.column(named: "a_trust_b"), 2)
    }

    /// Without points, an experiment runs the scenario's own parameters with its own seed.
    func testDefaultsAreTheScenarioParametersAndSeed() throws {
        let scenario = try ModelKit.scenario(Self.yaml)
        let experiment = Experiment(scenario: scenario, replicates: 2)
        XCTAssertEqual(experiment.seed, 7)
        XCTAssertEqual(experiment.points, [scenario.parameters])
        let result = experiment.run()
        var observer = NullObserver()
        XCTAssertEqual(result.runs[1].outcomes.map(\.bitPattern),
                       Engine(scenario: scenario).run(replicate: 1, observer: &observer).outcomes.map(\.bitPattern))
    }
}
