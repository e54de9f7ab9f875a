@testable import EntenteCore
@testable import EntenteKit
import Foundation
import XCTest

/// Is ABC-SMC right? Two checks on the one-parameter toy of Tests/Fixtures/calibration/toy-freeze.yaml,
/// where BBB freezes each month with probability p(h) = 1 − exp(−h·(0.45 − 0.35 − 0.05)), so its
/// freezing month is geometric and the exact ABC posterior can be summed month by month.
final class CalibrationAccuracyTests: XCTestCase {
    private func toyProblem(targets: [CalibrationTarget]? = nil, replicates: Int) throws -> (CalibrationProblem, CalibrationSpec) {
        let spec = try CalibrationDecoder().load(path: CalibrationTests.fixtures.appendingPathComponent("toy-freeze-cal.yaml").path)
        let problem = CalibrationProblem(engines: spec.problem().engines, parameters: [.hazard], priors: spec.parameters.map(\.prior),
                                         targets: targets ?? spec.targets, replicates: replicates)
        return (problem, spec)
    }

    /// The ABC likelihood P(d ≤ ε | h) of one replicate, exactly: summed over the freezing steps s (or
    /// never). ABC-SMC estimates it with the share of k replicates within ε, whatever k.
    private static func acceptance(hazard h: Double, target: CalibrationTarget, steps: Int, tolerance: Double) -> Double {
        let p = 1 - exp(-h * ((0.45 - 0.35) - 0.05))
        var total = 0.0
        for s in 0..<steps where target.distance(Double(s)) <= tolerance { total += p * pow(1 - p, Double(s)) }
        if target.distance(.nan) <= tolerance { total += pow(1 - p, Double(steps)) }
        return total
    }

    /// Quantiles of a density given on an increasing grid (trapezoid cumulative, linear interpolation).
    private static func gridQuantiles(_ x: [Double], _ density: [Double], _ qs: [Double]) -> [Double] {
        var cumulative = [0.0]
        for i in 1..<x.count { cumulative.append(cumulative[i - 1] + 0.5 * (density[i] + density[i - 1]) * (x[i] - x[i - 1])) }
        let total = cumulative.last!
        return qs.map { q in
            let target = q * total
            let i = cumulative.firstIndex { $0 >= target }!
            guard i > 0 else { return x[0] }
            let f = (target - cumulative[i - 1]) / (cumulative[i] - cumulative[i - 1])
            return x[i - 1] + f * (x[i] - x[i - 1])
        }
    }

    /// ABC-SMC's final population (k = 4 replicates per particle) against the exact ABC posterior
    /// π(h)·P(d ≤ ε | h) at the same final tolerance: at the exact 5 %, 50 % and 95 % quantiles q_p of
    /// ln(hazard), the population's weighted mass below q_p is p within 3 Monte Carlo standard errors
    /// 3·√(p(1 − p)/ESS). (Comparing the quantiles themselves is too noisy: the posterior's lower tail in
    /// ln h is long and flat, so its 5 % quantile moves by ±0.3 between seeds at this ESS.)
    func testABCSMCMatchesTheExactPosteriorOfAOneParameterToy() throws {
        let (problem, spec) = try toyProblem(replicates: 4)
        let settings = ABCSettings(particles: 500, alpha: 0.5, minAcceptance: 0.01, generations: 4, seed: 11)
        let smc = ABCSMC(problem: problem, settings: settings)
        var population: ParticlePopulation?
        var tolerance = Double.infinity
        for t in 0..<settings.generations {
            if let population { tolerance = smc.nextTolerance(after: population, previousTolerance: tolerance) }
            population = try XCTUnwrap(smc.generation(t, previous: population, tolerance: tolerance, jobs: 2)).0
        }
        let final = try XCTUnwrap(population)
        let sample = WeightedSample(values: final.values.map { log($0) }, weights: final.weights)
        // Exact: loguniform prior = uniform in ln h on [ln 0.05, ln 5]; posterior ∝ P(d ≤ ε | h).
        let steps = spec.scenarios[0].calendar.stepCount
        let grid = (0...2000).map { log(0.05) + Double($0) / 2000 * (log(5.0) - log(0.05)) }
        let density = grid.map { Self.acceptance(hazard: exp($0), target: problem.targets[0], steps: steps, tolerance: tolerance) }
        let exact = Self.gridQuantiles(grid, density, [0.05, 0.5, 0.95])
        let abc = [sample.quantile(0.05), sample.quantile(0.5), sample.quantile(0.95)]
        let ess = WeightedSample.effectiveSampleSize(final.weights)
        let masses = exact.map { q in zip(sample.values, sample.weights).reduce(0) { $0 + ($1.0 < q ? $1.1 : 0) } }
        print("brute force: ESS \(ess); tolerance \(tolerance); exact ln-hazard quantiles \(exact); ABC-SMC \(abc); hazard \(exact.map(exp)) vs \(abc.map(exp)); ABC-SMC mass below the exact quantiles \(masses)")
        for (mass, p) in zip(masses, [0.05, 0.5, 0.95]) {
            XCTAssertEqual(mass, p, accuracy: 3 * (p * (1 - p) / ess).squareRoot())
        }
    }

    // MARK: - Simulation-based calibration (Talts et al. 2018)

    /// One SBC dataset: truth drawn from the prior, one simulated history, ABC-SMC on it.
    struct Dataset {
        var truth: Double
        var observed: String
        var rank: Double
        var quantiles: [Double]
        var covered50: Bool { quantiles[1] <= truth && truth <= quantiles[3] }
        var covered90: Bool { quantiles[0] <= truth && truth <= quantiles[4] }
    }

    /// Runs `datasets` SBC datasets of the toy (k = `replicates`, alpha 0.5, `generations` generations of `particles`).
    static func sbc(datasets: Int, particles: Int, generations: Int, replicates: Int = 1, jobs: Int) throws -> [Dataset] {
        let spec = try CalibrationDecoder().load(path: CalibrationTests.fixtures.appendingPathComponent("toy-freeze-cal.yaml").path)
        let engine = Engine(scenario: spec.scenarios[0])
        let template = spec.targets[0]
        let prior = spec.parameters[0].prior
        var result: [Dataset] = []
        for m in 0..<datasets {
            let random = RandomStream(key: StreamSeed.key(seed: 2018, point: m, replicate: 0))
            let truth = prior.draw(random.uniform())
            var values = engine.scenario.parameters
            values[.hazard] = truth
            var observer = NullObserver()
            let step = engine.reparameterised(values).run(replicate: 0, point: m, seed: 77, observer: &observer).outcomes[template.column]
            var target = template
            target.kind = step.isNaN ? .nonEvent : .event(observedMonth: template.monthOfStep[Int(step)], window: 12)
            let problem = CalibrationProblem(engines: [engine], parameters: [.hazard], priors: [prior], targets: [target], replicates: replicates)
            let smc = ABCSMC(problem: problem, settings: ABCSettings(particles: particles, alpha: 0.5, minAcceptance: 0.005,
                                                                    generations: generations, seed: UInt64(1000 + m)))
            var population: ParticlePopulation?
            var tolerance = Double.infinity
            for t in 0..<generations {
                if let population { tolerance = smc.nextTolerance(after: population, previousTolerance: tolerance) }
                guard let next = smc.generation(t, previous: population, tolerance: tolerance, jobs: jobs) else { break }
                population = next.0
            }
            let final = try XCTUnwrap(population)
            let sample = WeightedSample(values: final.values, weights: final.weights)
            // The rank of the truth among the weighted posterior draws, as a fraction in [0, 1].
            let rank = zip(final.values, sample.weights).reduce(0) { $0 + ($1.0 < truth ? $1.1 : 0) }
            result.append(Dataset(truth: truth, observed: step.isNaN ? "never" : "step \(Int(step))", rank: rank,
                                  quantiles: [0.05, 0.25, 0.5, 0.75, 0.95].map(sample.quantile)))
        }
        return result
    }

    /// The small SBC of `make test`: 30 datasets, 50 particles, 4 generations, k = 3 replicates per particle. The central 50 % and
    /// 90 % intervals cover the truth within the two-sided 1 % binomial bounds of their nominal rates
    /// (9 to 21 of 30, and at least 23 of 30), and ranks are not piled in either tail (at most 11 of 30 in
    /// each outer fifth, where 6 are expected; P(≥ 12) < 1 %). Seeds are fixed, so it is not flaky.
    func testSimulationBasedCalibration() throws {
        let environment = ProcessInfo.processInfo.environment
        let datasets = Int(environment["ENTENTE_SBC_DATASETS"] ?? "") ?? 30
        let particles = Int(environment["ENTENTE_SBC_PARTICLES"] ?? "") ?? 50
        let generations = Int(environment["ENTENTE_SBC_GENERATIONS"] ?? "") ?? 4
        let replicates = Int(environment["ENTENTE_SBC_REPLICATES"] ?? "") ?? 3
        let results = try Self.sbc(datasets: datasets, particles: particles, generations: generations, replicates: replicates, jobs: 2)
        let covered50 = results.filter(\.covered50).count
        let covered90 = results.filter(\.covered90).count
        let low = results.filter { $0.rank < 0.2 }.count
        let high = results.filter { $0.rank > 0.8 }.count
        print("SBC: \(datasets) datasets, \(particles) particles, k = \(replicates), \(generations) generations: 50 % covered \(covered50), 90 % covered \(covered90), ranks < 0.2: \(low), > 0.8: \(high)")
        if let out = environment["ENTENTE_SBC_OUT"], !out.isEmpty {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            var csv = "dataset,truth,observed,rank,q05,q25,q50,q75,q95,covered50,covered90\n"
            for (m, d) in results.enumerated() {
                csv += "\(m),\(d.truth),\(d.observed),\(d.rank),\(d.quantiles.map { "\($0)" }.joined(separator: ",")),\(d.covered50 ? 1 : 0),\(d.covered90 ? 1 : 0)\n"
            }
            try csv.write(toFile: out + "/sbc.csv", atomically: true, encoding: .utf8)
            // The large run reports against 99 % binomial bands (normal approximation) rather than failing.
            func band(_ p: Double) -> String {
                let n = Double(datasets), half = 2.576 * (n * p * (1 - p)).squareRoot()
                return "\(Int((n * p - half).rounded(.up)))–\(Int((n * p + half).rounded(.down)))"
            }
            let summary = "datasets \(datasets), particles \(particles), generations \(generations), k \(replicates)\n"
                + "50 % interval covered \(covered50) (99 % band if calibrated: \(band(0.5)))\n"
                + "90 % interval covered \(covered90) (99 % band: \(band(0.9)))\n"
                + "ranks < 0.2: \(low), > 0.8: \(high) (99 % band each: \(band(0.2)))\n"
            try summary.write(toFile: out + "/summary.txt", atomically: true, encoding: .utf8)
            print(summary)
            return
        }
        XCTAssertEqual(results.count, 30)
        XCTAssertGreaterThanOrEqual(covered50, 9)
        XCTAssertLessThanOrEqual(covered50, 21)
        XCTAssertGreaterThanOrEqual(covered90, 23)
        XCTAssertLessThanOrEqual(low, 11)
        XCTAssertLessThanOrEqual(high, 11)
    }
}
