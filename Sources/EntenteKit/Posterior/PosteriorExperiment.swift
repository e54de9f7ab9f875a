import Foundation

/// The runs of `run`/`compare --posterior`: M parameter sets drawn from a calibration's final
/// population, each applied to every arm (baseline, variants) as a typed point of the compiled
/// scenario, and R replicates under each. Run (arm, draw d, replicate r) draws from the stream keyed
/// by (seed, d, r): the arms of a draw share their streams (common random numbers, as `compare`).
struct PosteriorExperiment {
    /// One arm: a scenario and the fitted parameters it keeps at its own value (its variant sets them).
    struct Arm {
        var name: String
        var scenario: Scenario
        var kept: Set<Parameter>
    }

    let source: PosteriorSource
    let arms: [Arm]
    let draws: Int
    let replicates: Int
    let seed: UInt64
    /// Particle index of each draw.
    let particles: [Int]

    /// Draws the particles; refuses `--set` of a fitted parameter (the posterior gives it).
    init(source: PosteriorSource, arms: [Arm], draws: Int, replicates: Int, seed: UInt64, settings: [String]) throws {
        let fitted = Set(source.parameters)
        for setting in settings {
            if let parameter = ScenarioPath.parameter(of: String(setting.prefix { $0 != "=" })), fitted.contains(parameter) {
                throw EntenteError.usage("--set \(setting): '\(parameter.info.name)' is fitted in \(source.folder)/particles.csv, so each draw sets it; drop the --set, or run without --posterior")
            }
        }
        guard let particles = PosteriorDraws.indices(weights: source.population.weights, count: draws, seed: seed) else {
            throw EntenteError.software("GSL could not build the sampling table of \(source.folder)/particles.csv's weights")
        }
        self.source = source
        self.arms = arms
        self.draws = draws
        self.replicates = replicates
        self.seed = seed
        self.particles = particles
    }

    /// The fitted parameters that `variant` sets itself: its arm keeps its own values for them.
    static func keptParameters(of variant: VariantSpec?, fitted: [Parameter]) -> Set<Parameter> {
        guard let variant else { return [] }
        var kept = Set<Parameter>()
        for (path, _) in variant.settings {
            if let parameter = ScenarioPath.parameter(of: path), fitted.contains(parameter) {
                kept.insert(parameter)
            }
        }
        return kept
    }

    /// Runs every (arm, draw, replicate) on `jobs` threads; `outcomes[arm][draw][replicate]`.
    func run(jobs: Int) throws -> [[[[Double]]]] {
        let engines: [Engine] = arms.flatMap { arm in
            let base = Engine(scenario: arm.scenario)
            return particles.map { particle in
                var values = arm.scenario.parameters
                for (j, parameter) in source.parameters.enumerated() where !arm.kept.contains(parameter) {
                    values[parameter] = source.population.value(particle: particle, parameter: j)
                }
                return base.reparameterised(values)
            }
        }
        let draws = self.draws, replicates = self.replicates, seed = self.seed
        let perArm = draws * replicates
        let runs = ParallelMap.run(count: arms.count * perArm, jobs: jobs) { index -> RunResult in
            let draw = (index / replicates) % draws
            return engines[index / replicates].runOutcomes(replicate: index % replicates, point: draw, seed: seed)
        }
        if let failed = runs.firstIndex(where: { $0.error != nil }) {
            let arm = arms[failed / perArm].name
            throw EntenteError.software("\(arm), draw \((failed / replicates) % draws), replicate \(failed % replicates) failed: \(runs[failed].error!)")
        }
        return (0..<arms.count).map { a in
            (0..<draws).map { d in (0..<replicates).map { r in runs[a * perArm + d * replicates + r].outcomes } }
        }
    }

    /// draws.csv: draw, particle and each fitted parameter's value.
    func drawsTable() -> CSVBuffer {
        var table = CSVBuffer(header: ["draw", "particle"] + source.population.parameterNames)
        for (draw, particle) in particles.enumerated() {
            table.field(draw)
            table.field(particle)
            for value in source.population.values(ofParticle: particle) { table.field(value) }
            table.endRow()
        }
        return table
    }

    /// The manifest's `posterior` entry.
    func manifestEntry() -> PosteriorEntry {
        let fitted = source.parameters
        let replaced = Set(arms.flatMap { arm in arm.scenario.explicitParameters.subtracting(arm.kept) }).intersection(fitted)
        var kept: [String: [String]] = [:]
        for arm in arms where !arm.kept.isEmpty { kept[arm.name] = arm.kept.map(\.info.name).sorted() }
        return PosteriorEntry(
            folder: source.folder,
            particlesSHA256: source.sha256,
            calibrationStatus: source.status,
            finalGeneration: source.population.generation,
            particles: source.population.count,
            parameters: source.population.parameterNames,
            draws: draws,
            replicatesPerDraw: replicates,
            scenarioValuesReplaced: fitted.filter { replaced.contains($0) }.map(\.info.name),
            variantValuesKept: kept,
            drawStream: "gsl_ran_discrete by weight on StreamSeed.key(seed, -2, 0)",
            runStreams: "StreamSeed.key(seed, draw, replicate), the same for every arm",
            estimator: "mean of per-draw means; ci95 = two-stage percentile bootstrap (draws, then replicates within draw), B = \(PosteriorEstimator.resamples), row k on StreamSeed.key(seed, -3, k); draw_q05/q95 = quantiles of per-draw means")
    }

    /// Values of outcome column `column` grouped by draw.
    static func grouped(_ outcomes: [[[Double]]], column: Int) -> [[Double]] {
        outcomes.map { draw in draw.map { $0[column] } }
    }
}
