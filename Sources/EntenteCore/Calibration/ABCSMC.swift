/// ABC-SMC (Toni et al. 2009) with Beaumont et al. (2009) importance weights, an adaptive tolerance
/// (Del Moral et al. 2012: the α-quantile of the previous generation's distances) and a multivariate
/// normal kernel with twice the weighted covariance (docs/calibration.md#algorithm).
///
/// A generation is computed from the previous population alone, and every number is drawn from the
/// stream of its (seed, generation, particle, attempt) (``CalibrationStreams``): particle slots are
/// independent, evaluated in parallel, and the result is the same for any number of threads and after
/// a resume at a generation boundary.
public struct ABCSMC: Sendable {
    /// What is simulated and scored.
    public let problem: CalibrationProblem
    /// The settings.
    public let settings: ABCSettings

    /// A sampler.
    public init(problem: CalibrationProblem, settings: ABCSettings) {
        self.problem = problem
        self.settings = settings
    }

    /// The tolerance of the generation after `previous`: the α-quantile q of its distances (GSL's
    /// `gsl_stats_quantile_from_sorted_data`, linear interpolation between order statistics), except
    /// when q reaches the largest distance d_max — distances of dated events and non-events are discrete,
    /// and with more than (1 − α) of the particles at d_max the quantile would accept everything again,
    /// forever: then the largest distance below d_max is taken (d_max itself when all are equal).
    /// Never below the target `stop.tolerance`.
    public func nextTolerance(after previous: ParticlePopulation) -> Double {
        let sorted = previous.distances.sorted()
        var epsilon = ValidationScorer.quantile(sorted: sorted, settings.alpha)
        if let largest = sorted.last, epsilon >= largest {
            epsilon = sorted.last(where: { $0 < largest }) ?? largest
        }
        return max(epsilon, settings.tolerance ?? -.infinity)
    }

    /// GSL's interpolated quantile of unsorted `values`.
    public static func quantile(_ values: [Double], _ fraction: Double) -> Double {
        ValidationScorer.quantile(sorted: values.sorted(), fraction)
    }

    /// One particle slot's outcome.
    struct Slot: Sendable {
        var theta: [Double]
        var distance: Double
        var attempts: Int
        var evaluated: Int
        var accepted: Bool
    }

    /// Generation `generation`: from the prior when `previous` is nil, else by perturbing ancestors of
    /// `previous` and accepting proposals within `tolerance`. Nil when a particle slot used all its
    /// attempts (``ABCSettings/maxAttemptsPerParticle``): the generation is abandoned.
    public func generation(_ generation: Int, previous: ParticlePopulation?, tolerance: Double, jobs: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) -> (ParticlePopulation, GenerationRecord)? {
        let problem = self.problem
        let d = problem.parameters.count
        let widths = problem.priors.map { $0.upper - $0.lower }
        let kernel = previous.map { PerturbationKernel(population: $0, widths: widths) }
        let cumulative = previous.map { population -> [Double] in
            var sum = 0.0
            return population.weights.map { sum += $0; return sum }
        }
        let cap = settings.maxAttemptsPerParticle
        let seed = settings.seed
        let slots = ParallelMap.run(count: settings.particles, jobs: jobs) { particle -> Slot in
            var evaluated = 0
            for attempt in 0..<cap {
                let key = CalibrationStreams.attemptKey(seed: seed, generation: generation, particle: particle, attempt: attempt)
                let random = RandomStream(key: CalibrationStreams.proposalKey(key))
                var theta: [Double]
                if let previous, let kernel, let cumulative {
                    let u = random.uniform() * cumulative[cumulative.count - 1]
                    var ancestor = cumulative.firstIndex { $0 > u } ?? (cumulative.count - 1)
                    while previous.weights[ancestor] == 0 && ancestor > 0 { ancestor -= 1 }
                    theta = kernel.perturb(previous.values(ofParticle: ancestor), random: random)
                    guard problem.inSupport(theta[...]) else { continue }
                } else {
                    theta = problem.priors.map { $0.draw(random.uniform()) }
                }
                evaluated += 1
                let distance = problem.distance(theta[...], simulationSeed: CalibrationStreams.simulationSeed(key))
                if distance <= tolerance {
                    progress?(particle)
                    return Slot(theta: theta, distance: distance, attempts: attempt + 1, evaluated: evaluated, accepted: true)
                }
            }
            progress?(particle)
            return Slot(theta: [Double](repeating: .nan, count: d), distance: .nan, attempts: cap, evaluated: evaluated, accepted: false)
        }
        let attempts = slots.reduce(0) { $0 + $1.attempts }
        let simulations = slots.reduce(0) { $0 + $1.evaluated } * problem.simulationsPerEvaluation
        guard slots.allSatisfy(\.accepted) else { return nil }
        let values = slots.flatMap(\.theta)
        let weights = Self.weights(values: values, previous: previous, kernel: kernel, problem: problem, jobs: jobs)
        let population = ParticlePopulation(generation: generation, parameterNames: problem.parameterNames,
                                            values: values, weights: weights, distances: slots.map(\.distance))
        return (population, GenerationRecord(generation: generation, tolerance: previous == nil ? .infinity : tolerance,
                                             attempts: attempts, simulations: simulations, seconds: 0))
    }

    /// Normalised importance weights: uniform for generation 0; otherwise
    /// w_i ∝ π(θ_i) / Σ_j W_j K(θ_i | θ_j) (Beaumont et al. 2009), π the joint prior density,
    /// W the previous weights and K the kernel density.
    public static func weights(values: [Double], previous: ParticlePopulation?, kernel: PerturbationKernel?,
                               problem: CalibrationProblem, jobs: Int) -> [Double] {
        let d = problem.parameters.count
        let n = d > 0 ? values.count / d : 0
        guard let previous, let kernel else { return [Double](repeating: 1 / Double(max(n, 1)), count: n) }
        let raw = ParallelMap.run(count: n, jobs: jobs) { i -> Double in
            let theta = values[(i * d)..<((i + 1) * d)]
            var mixture = 0.0
            for j in 0..<previous.count where previous.weights[j] > 0 {
                mixture += previous.weights[j] * kernel.density(theta, centre: previous.values(ofParticle: j))
            }
            return mixture > 0 ? problem.priorDensity(theta) / mixture : 0
        }
        let total = raw.reduce(0, +)
        return total > 0 ? raw.map { $0 / total } : [Double](repeating: 1 / Double(max(n, 1)), count: n)
    }

    /// Why to stop after the generations in `records` (the last one just finished), or nil to go on.
    /// Checked in this order: tolerance reached (generation ≥ 1), acceptance rate below the minimum,
    /// simulation budget spent, generation count reached.
    public func stopReason(_ records: [GenerationRecord]) -> ABCStopReason? {
        guard let last = records.last else { return nil }
        if last.generation >= 1, let target = settings.tolerance, last.tolerance <= target { return .tolerance }
        if Double(settings.particles) / Double(max(last.attempts, 1)) < settings.minAcceptance { return .minAcceptance }
        if let budget = settings.simulations, records.reduce(0, { $0 + $1.simulations }) >= budget { return .simulations }
        if last.generation + 1 >= settings.generations { return .generations }
        return nil
    }
}
