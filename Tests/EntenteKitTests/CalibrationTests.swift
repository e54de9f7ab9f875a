@testable import EntenteCore
@testable import EntenteKit
import Foundation
import XCTest

/// `entente calibrate`: priors, distance, weights, tolerance, determinism and resume, with hand-checked numbers.
final class CalibrationTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/calibration")

    private func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("entente-calibration-\(UUID().uuidString)").path
    }

    // MARK: - Priors

    func testPriorDensitiesAreNormalisedOnTheirSupport() {
        XCTAssertEqual(Prior.uniform(minimum: 0, maximum: 4).density(1), 0.25)
        XCTAssertEqual(Prior.uniform(minimum: 0, maximum: 4).density(4.5), 0)
        XCTAssertEqual(Prior.logUniform(minimum: 1, maximum: 100).density(10), 1 / (10 * log(100.0)), accuracy: 1e-15)
        XCTAssertEqual(Prior.logUniform(minimum: 1, maximum: 100).density(10), 0.021714724095162587, accuracy: 1e-15)
        // φ(0) / (Φ(1) − Φ(−1)) = 0.398942… / 0.682689… for N(0, 1) truncated to [−1, 1].
        XCTAssertEqual(Prior.normal(mean: 0, sd: 1, lower: -1, upper: 1).density(0), 0.5843685672568167, accuracy: 1e-12)
        XCTAssertEqual(Prior.normal(mean: 0, sd: 1, lower: -1, upper: 1).density(1.5), 0)
    }

    func testPriorDrawsAreTheInverseDistributionFunction() {
        XCTAssertEqual(Prior.uniform(minimum: 0, maximum: 4).draw(0.25), 1)
        XCTAssertEqual(Prior.logUniform(minimum: 1, maximum: 100).draw(0.5), 10, accuracy: 1e-12)
        XCTAssertEqual(Prior.normal(mean: 0, sd: 1, lower: -1, upper: 1).draw(0.5), 0, accuracy: 1e-12)
        XCTAssertEqual(Prior.normal(mean: 0, sd: 1, lower: -1, upper: 1).draw(0), -1, accuracy: 1e-12)
    }

    // MARK: - Distance

    /// Monthly steps from January 2018: step s is month index 2018·12 + 1 + s.
    private let months = (0..<48).map { 2018 * 12 + 1 + $0 }

    func testDistanceOfADatedEventGrowsWithTheDateErrorUpToOneHalfAndIsOneWhenItNeverHappens() {
        let target = CalibrationTarget(scenario: 0, column: 0, kind: .event(observedMonth: 2019 * 12 + 1, window: 24),
                                       weight: 1, label: "x", monthOfStep: months)
        XCTAssertEqual(target.distance(12), 0)          // January 2019, on the date
        XCTAssertEqual(target.distance(0), 0.25)        // 12 months early: ½ · 12/24
        XCTAssertEqual(target.distance(42), 0.5)        // 30 months late: outside the window
        XCTAssertEqual(target.distance(.nan), 1)        // never happened
        XCTAssertEqual(target.distance(12, failed: true), 1)
    }

    func testDistanceOfANonEventAndOfANumber() {
        let never = CalibrationTarget(scenario: 0, column: 0, kind: .nonEvent, weight: 1, label: "x", monthOfStep: months)
        XCTAssertEqual(never.distance(.nan), 0)
        XCTAssertEqual(never.distance(3), 1)
        let number = CalibrationTarget(scenario: 0, column: 0, kind: .number(value: 0.3, scale: 0.1), weight: 1, label: "x", monthOfStep: months)
        XCTAssertEqual(number.distance(0.5), 2, accuracy: 1e-12)
        XCTAssertEqual(number.distance(.nan), .infinity)
    }

    func testAParticlesDistanceIsTheWeightedMeanOfPerObservationMeansOverReplicates() throws {
        // Two observations, weights 2 and 1; replicate distances (0, 0.5) and (1, 1): (2·0.25 + 1·1) / 3 = 0.5.
        XCTAssertEqual(CalibrationProblem.combine([0.25, 1], weights: [2, 1]), 0.5)
        // Simulated histories of the toy: with hazard at the top of its range BBB freezes early in most replicates.
        let spec = try CalibrationDecoder().load(path: Self.fixtures.appendingPathComponent("toy-freeze-cal.yaml").path)
        let problem = spec.problem()
        let engine = problem.engines[0]
        var values = engine.scenario.parameters
        values[.hazard] = 5
        let seed: UInt64 = 42
        var expected = 0.0
        for replicate in 0..<2 {
            var observer = NullObserver()
            let run = engine.reparameterised(values).run(replicate: replicate, point: 0, seed: seed, observer: &observer)
            let step = run.outcomes[problem.targets[0].column]
            expected += 0.5 * min(1, abs(step - 12) / 12)
        }
        XCTAssertEqual(problem.distance([5.0][...], simulationSeed: seed), expected / 2, accuracy: 1e-15)
    }

    // MARK: - Weights, tolerance, summaries

    func testWeightsOfATwoParticleGenerationByHand() {
        // Prior U(0, 10) (density 0.1); previous particles 1 and 3 with weights ½, ½: mean 2, variance 1,
        // kernel variance 2. New particles 2 and 3:
        //   Σ_j W_j K(2|θ_j) = φ(1/√2)/√2 = 0.219695…,  Σ_j W_j K(3|θ_j) = ½(φ(√2) + φ(0))/√2 = 0.192935…
        //   w ∝ 0.1/0.219695…, 0.1/0.192935… → 0.467574…, 0.532425…
        let problem = CalibrationProblem(engines: [], parameters: [.betrayal], priors: [.uniform(minimum: 0, maximum: 10)],
                                         targets: [], replicates: 1)
        let previous = ParticlePopulation(generation: 0, parameterNames: ["betrayal"], values: [1, 3], weights: [0.5, 0.5], distances: [0, 0])
        let kernel = PerturbationKernel(population: previous, widths: [10])
        XCTAssertEqual(kernel.covariance, [2])
        XCTAssertEqual(kernel.cholesky[0], 2.0.squareRoot(), accuracy: 1e-15)
        let weights = ABCSMC.weights(values: [2, 3], previous: previous, kernel: kernel, problem: problem, jobs: 1)
        XCTAssertEqual(weights[0], 0.46757419985003723, accuracy: 1e-12)
        XCTAssertEqual(weights[1], 0.5324258001499628, accuracy: 1e-12)
    }

    func testToleranceIsTheAlphaQuantileOfThePreviousDistancesButNotBelowTheTarget() {
        let problem = CalibrationProblem(engines: [], parameters: [.betrayal], priors: [.uniform(minimum: 0, maximum: 10)],
                                         targets: [], replicates: 1)
        let population = ParticlePopulation(generation: 0, parameterNames: ["betrayal"], values: [1, 2, 3, 4],
                                            weights: [0.25, 0.25, 0.25, 0.25], distances: [0.4, 0.1, 0.3, 0.2])
        // Sorted 0.1, 0.2, 0.3, 0.4; δ = 3 · 0.5 = 1.5 → 0.25.
        XCTAssertEqual(ABCSMC(problem: problem, settings: ABCSettings(particles: 4, alpha: 0.5)).nextTolerance(after: population), 0.25, accuracy: 1e-15)
        XCTAssertEqual(ABCSMC(problem: problem, settings: ABCSettings(particles: 4, alpha: 0.5, tolerance: 0.3)).nextTolerance(after: population), 0.3)
        // Discrete distances, three of four at the largest: the quantile (1) would accept everything again,
        // so the largest distance below it (0) is taken.
        let stuck = ParticlePopulation(generation: 1, parameterNames: ["betrayal"], values: [1, 2, 3, 4],
                                       weights: [0.25, 0.25, 0.25, 0.25], distances: [1, 0, 1, 1])
        XCTAssertEqual(ABCSMC(problem: problem, settings: ABCSettings(particles: 4, alpha: 0.5)).nextTolerance(after: stuck), 0)
    }

    func testWeightedMeanSdQuantilesAndEffectiveSampleSize() {
        let sample = WeightedSample(values: [3, 1, 2], weights: [0.2, 0.5, 0.3])
        XCTAssertEqual(sample.mean, 1.7, accuracy: 1e-15)
        XCTAssertEqual(sample.sd, (0.2 * 1.69 + 0.5 * 0.49 + 0.3 * 0.09).squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(sample.quantile(0.05), 1)
        XCTAssertEqual(sample.quantile(0.5), 1)
        XCTAssertEqual(sample.quantile(0.51), 2)
        XCTAssertEqual(sample.quantile(0.95), 3)
        XCTAssertEqual(WeightedSample.effectiveSampleSize([0.2, 0.5, 0.3]), 2.6315789473684212, accuracy: 1e-12)
    }

    func testStreamsAreKeyedBySeedGenerationParticleAndAttemptAlone() {
        let key = CalibrationStreams.attemptKey(seed: 1, generation: 2, particle: 3, attempt: 4)
        XCTAssertEqual(key, CalibrationStreams.attemptKey(seed: 1, generation: 2, particle: 3, attempt: 4))
        XCTAssertNotEqual(key, CalibrationStreams.attemptKey(seed: 1, generation: 2, particle: 4, attempt: 3))
        XCTAssertNotEqual(CalibrationStreams.proposalKey(key), CalibrationStreams.simulationSeed(key))
    }

    // MARK: - Runs

    private func toySpec(generations: Int = 3, particles: Int = 60) throws -> CalibrationSpec {
        var spec = try CalibrationDecoder().load(path: Self.fixtures.appendingPathComponent("toy-freeze-cal.yaml").path)
        spec.settings.generations = generations
        spec.settings.particles = particles
        return spec
    }

    private func bytes(_ folder: String, _ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
    }

    /// generations.csv without its last column (seconds, wall time).
    private func generationsWithoutSeconds(_ folder: String) throws -> String {
        try String(contentsOfFile: folder + "/generations.csv", encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",") }
            .joined(separator: "\n")
    }

    func testResultsAreByteIdenticalWithOneOrTwoJobs() throws {
        let spec = try toySpec()
        var one = CalibrationRun.Request(out: temporaryFolder())
        one.jobs = 1
        var two = CalibrationRun.Request(out: temporaryFolder())
        two.jobs = 2
        defer { try? FileManager.default.removeItem(atPath: one.out); try? FileManager.default.removeItem(atPath: two.out) }
        let first = try CalibrationRun.execute(spec, request: one)
        _ = try CalibrationRun.execute(spec, request: two)
        XCTAssertEqual(first.stopReason, .generations)
        XCTAssertEqual(first.populations.count, 3)
        XCTAssertEqual(try bytes(one.out, "particles.csv"), try bytes(two.out, "particles.csv"))
        XCTAssertEqual(try bytes(one.out, "posterior.csv"), try bytes(two.out, "posterior.csv"))
        XCTAssertEqual(try generationsWithoutSeconds(one.out), try generationsWithoutSeconds(two.out))
        // particles.csv is the contract with --posterior: it reads back as the populations computed.
        XCTAssertEqual(try ParticlesFile.read(path: one.out + "/particles.csv"), first.populations)
    }

    struct Interrupted: Error {}

    func testResumingAnInterruptedCalibrationGivesTheSameBytesAsAnUninterruptedOne() throws {
        let spec = try toySpec()
        let whole = CalibrationRun.Request(out: temporaryFolder())
        var cut = CalibrationRun.Request(out: temporaryFolder())
        defer { try? FileManager.default.removeItem(atPath: whole.out); try? FileManager.default.removeItem(atPath: cut.out) }
        _ = try CalibrationRun.execute(spec, request: whole)
        XCTAssertThrowsError(try CalibrationRun.execute(spec, request: cut, afterGeneration: { if $0 == 1 { throw Interrupted() } }))
        // The folder holds generations 0 and 1, marked running.
        XCTAssertEqual(try ParticlesFile.read(path: cut.out + "/particles.csv").count, 2)
        XCTAssertTrue(try String(contentsOfFile: cut.out + "/manifest.json", encoding: .utf8).contains("\"status\" : \"running\""))
        cut.resume = true
        let resumed = try CalibrationRun.execute(spec, request: cut)
        XCTAssertEqual(resumed.resumedGenerations, 2)
        XCTAssertEqual(try bytes(whole.out, "particles.csv"), try bytes(cut.out, "particles.csv"))
        XCTAssertEqual(try bytes(whole.out, "posterior.csv"), try bytes(cut.out, "posterior.csv"))
        XCTAssertEqual(try generationsWithoutSeconds(whole.out), try generationsWithoutSeconds(cut.out))
    }

    func testResumeRefusesAFolderOfAnotherCalibration() throws {
        let spec = try toySpec(generations: 1)
        var request = CalibrationRun.Request(out: temporaryFolder())
        defer { try? FileManager.default.removeItem(atPath: request.out) }
        _ = try CalibrationRun.execute(spec, request: request)
        var other = spec
        other.settings.seed = 99
        request.resume = true
        XCTAssertThrowsError(try CalibrationRun.execute(other, request: request)) { error in
            XCTAssertEqual((error as? EntenteError)?.exitStatus, 64)
            XCTAssertTrue((error as? EntenteError)?.description.contains("was written by a different calibration") ?? false)
        }
    }
}
