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

    func testEachReplicateHasItsOwnDistanceTheWeightedMeanOverObservations() throws {
        // Two observations, weights 2 and 1, one replicate's distances 0.25 and 1: (2·0.25 + 1·1) / 3 = 0.5.
        XCTAssertEqual(CalibrationProblem.combine([0.25, 1], weights: [2, 1]), 0.5)
        // Simulated histories of the toy: with hazard at the top of its range BBB freezes early in most replicates;
        // each of the k = 2 replicates keeps its own distance ½ · min(1, |step − 12| / 12), none is averaged.
        let spec = try CalibrationDecoder().load(path: Self.fixtures.appendingPathComponent("toy-freeze-cal.yaml").path)
        let problem = spec.problem()
        let engine = problem.engines[0]
        var values = engine.scenario.parameters
        values[.hazard] = 5
        let seed: UInt64 = 42
        var expected: [Double] = []
        for replicate in 0..<2 {
            var observer = NullObserver()
            let run = engine.reparameterised(values).run(replicate: replicate, point: 0, seed: seed, observer: &observer)
            let step = run.outcomes[problem.targets[0].column]
            expected.append(0.5 * min(1, abs(step - 12) / 12))
        }
        XCTAssertEqual(problem.distances([5.0][...], simulationSeed: seed), expected)
    }

    func testAShareIsTheFractionOfReplicatesWithinTheTolerance() {
        let population = ParticlePopulation(generation: 1, parameterNames: ["betrayal"], values: [1, 2], weights: [0.5, 0.5],
                                            shares: [0.5, 1], distances: [0.1, 0.4, 0.2, 0.2, ])
        XCTAssertEqual(population.replicates, 2)
        XCTAssertEqual(population.share(ofParticle: 0, within: 0.3), 0.5)
        XCTAssertEqual(population.share(ofParticle: 0, within: 0.05), 0)
        XCTAssertEqual(population.share(ofParticle: 1, within: 0.2), 1)
    }

    // MARK: - Weights, tolerance, summaries

    func testWeightsOfATwoParticleGenerationByHand() {
        // Prior U(0, 10) (density 0.1); previous particles 1 and 3 with weights ½, ½: mean 2, variance 1,
        // kernel variance 2. New particles 2 and 3:
        //   Σ_j W_j K(2|θ_j) = φ(1/√2)/√2 = 0.219695…,  Σ_j W_j K(3|θ_j) = ½(φ(√2) + φ(0))/√2 = 0.192935…
        //   w ∝ 0.1/0.219695…, 0.1/0.192935… → 0.467574…, 0.532425…
        // With shares (the estimated ABC likelihoods) 1 and ½: w ∝ 0.455175…, 0.259153… → 0.637206…, 0.362793….
        let problem = CalibrationProblem(engines: [], parameters: [.betrayal], priors: [.uniform(minimum: 0, maximum: 10)],
                                         targets: [], replicates: 1)
        let previous = ParticlePopulation(generation: 0, parameterNames: ["betrayal"], values: [1, 3], weights: [0.5, 0.5],
                                          shares: [1, 1], distances: [0, 0])
        let kernel = PerturbationKernel(population: previous, widths: [10])
        XCTAssertEqual(kernel.covariance, [2])
        XCTAssertEqual(kernel.cholesky[0], 2.0.squareRoot(), accuracy: 1e-15)
        let weights = ABCSMC.weights(values: [2, 3], shares: [1, 1], previous: previous, kernel: kernel, problem: problem, jobs: 1)
        XCTAssertEqual(weights[0], 0.46757419985003723, accuracy: 1e-12)
        XCTAssertEqual(weights[1], 0.5324258001499628, accuracy: 1e-12)
        let shared = ABCSMC.weights(values: [2, 3], shares: [1, 0.5], previous: previous, kernel: kernel, problem: problem, jobs: 1)
        XCTAssertEqual(shared[0], 0.6372068954303175, accuracy: 1e-12)
        XCTAssertEqual(shared[1], 0.36279310456968256, accuracy: 1e-12)
    }

    func testMixtureDensityIsTheWeightedSumOfKernelDensitiesSkippingZeroWeights() {
        // One dimension, kernel variance 1 (set directly): particles 0, 2 and 5 with weights ¼, ¾, 0.
        // At x = 1: ¼ φ(1) + ¾ φ(1) = φ(1) = 0.24197072451914337; the third particle adds nothing.
        let population = ParticlePopulation(generation: 1, parameterNames: ["betrayal"], values: [0, 2, 5], weights: [0.25, 0.75, 0],
                                            shares: [1, 1, 1], distances: [0, 0, 0])
        let kernel = PerturbationKernel(covariance: [1], dimension: 1, widths: [10])
        XCTAssertEqual(kernel.mixtureDensity([1], population: population), 0.24197072451914337, accuracy: 1e-15)
        // Two dimensions: bit for bit the sum of ``PerturbationKernel/density(_:centre:)`` in particle order.
        let plane = ParticlePopulation(generation: 1, parameterNames: ["betrayal", "hazard"], values: [1, 2, 3, 1, 2, 5],
                                       weights: [0.2, 0.5, 0.3], shares: [1, 1, 1], distances: [0, 0, 0])
        let wide = PerturbationKernel(population: plane, widths: [10, 10])
        let x: [Double] = [2.5, 2]
        var sum = 0.0
        for j in 0..<3 { sum += plane.weights[j] * wide.density(x[...], centre: plane.values(ofParticle: j)) }
        XCTAssertEqual(wide.mixtureDensity(x[...], population: plane), sum)
    }

    func testToleranceKeepsAlphaOfThePreviousEffectiveSampleSizeButNotBelowTheTarget() {
        let problem = CalibrationProblem(engines: [], parameters: [.betrayal], priors: [.uniform(minimum: 0, maximum: 10)],
                                         targets: [], replicates: 2)
        // Generation 0 (tolerance ∞, shares 1, ESS 4), k = 2. Candidates below the largest distance (1):
        // 0.1, 0.2, 0.3, 0.4, 0.5. Reweighted by the shares at ε (α · ESS = 2 is the bar):
        //   ε = 0.2: shares ½, 1, 0, 0 → ESS (1.5)² / (0.25 + 1) = 1.8 < 2
        //   ε = 0.3: shares ½, 1, ½, 0 → ESS 2² / 1.5 = 2.67 ≥ 2   → ε = 0.3.
        let population = ParticlePopulation(generation: 0, parameterNames: ["betrayal"], values: [1, 2, 3, 4],
                                            weights: [0.25, 0.25, 0.25, 0.25], shares: [1, 1, 1, 1],
                                            distances: [0.1, 0.4, 0.2, 0.2, 0.3, 1, 0.5, 1])
        let smc = ABCSMC(problem: problem, settings: ABCSettings(particles: 4, alpha: 0.5))
        XCTAssertEqual(smc.nextTolerance(after: population, previousTolerance: .infinity), 0.3)
        XCTAssertEqual(ABCSMC(problem: problem, settings: ABCSettings(particles: 4, alpha: 0.5, tolerance: 0.35))
            .nextTolerance(after: population, previousTolerance: .infinity), 0.35)
        // Generation 1 at ε = 0.3 (weights ⅕, ⅖, ⅖ on shares ½, 1, ½; ESS 1 / 0.36 = 2.78, bar 1.39):
        //   ε = 0.1: only particle 0, share ½ → ESS 1 < 1.39;  ε = 0.2: particles 0 (share ½ → ½) and 1 (1 → 1):
        //   weights ⅕, ⅖ → ESS (0.6)² / (0.04 + 0.16) = 1.8 ≥ 1.39 → ε = 0.2.
        let next = ParticlePopulation(generation: 1, parameterNames: ["betrayal"], values: [1, 2, 3], weights: [0.2, 0.4, 0.4],
                                      shares: [0.5, 1, 0.5], distances: [0.1, 0.4, 0.2, 0.2, 0.3, 1])
        XCTAssertEqual(smc.nextTolerance(after: next, previousTolerance: 0.3), 0.2)
        // Discrete distances, three of four at the largest: no distance keeps the bar (ESS 1 at 0), the largest
        // candidate below the largest distance (0) is taken rather than accepting everything again.
        let stuck = ParticlePopulation(generation: 1, parameterNames: ["betrayal"], values: [1, 2, 3, 4],
                                       weights: [0.25, 0.25, 0.25, 0.25], shares: [1, 1, 1, 1], distances: [1, 1, 0, 0, 1, 1, 1, 1])
        XCTAssertEqual(smc.nextTolerance(after: stuck, previousTolerance: 1), 0)
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

    func testAShardSidecarIsWrittenLikeAManifestAndReadBackExactly() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out + "-shards") }
        let slot = ParticleSlot(particle: 1, theta: [2.5], distances: [0.25, 1], share: 0.5, attempts: 3, evaluated: 2)
        try CalibrationShardFile.write([slot], parameterNames: ["betrayal"], replicates: 2, out: out, generation: 2,
                                       shard: Shard(index: 1, count: 3), fingerprint: "f00d", seconds: 0.1)
        let folder = CalibrationShardFile.folder(out: out, generation: 2)
        XCTAssertEqual(try String(contentsOfFile: folder + "/shard-1-of-3.json", encoding: .utf8), """
            {
              "command" : "calibrate --shard",
              "fingerprint" : "f00d",
              "generation" : 2,
              "seconds" : 0.1,
              "shard" : "1/3",
              "tool" : "entente"
            }

            """)
        XCTAssertEqual(try String(contentsOfFile: folder + "/shard-1-of-3.csv", encoding: .utf8),
                       "particle,attempts,evaluated,share,betrayal,distance_1,distance_2\n1,3,2,0.5,2.5,0.25,1.0\n")
        let back = try CalibrationShardFile.read(out: out, generation: 2, shard: Shard(index: 1, count: 3), fingerprint: "f00d",
                                                 parameterCount: 1, replicates: 2)
        XCTAssertEqual(back.slots, [slot])
        XCTAssertEqual(back.seconds, 0.1)
        XCTAssertThrowsError(try CalibrationShardFile.read(out: out, generation: 2, shard: Shard(index: 1, count: 3), fingerprint: "beef",
                                                           parameterCount: 1, replicates: 2)) { error in
            XCTAssertEqual((error as? EntenteError)?.exitStatus, 65)
        }
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
