/// ABC-SMC (Toni et al. 2009) with Beaumont et al. (2009) importance weights, a pseudo-marginal ABC
/// likelihood estimated from k replicates per particle (the share of replicates within the tolerance;
/// Andrieu & Roberts 2009, Del Moral et al. 2012), an adaptive tolerance that keeps α of the previous
/// effective sample size (Del Moral et al. 2012) and a multivariate normal kernel with twice the
/// weighted covariance (docs/calibration.md#algorithm).
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

    /// The tolerance of the generation after `previous` (Del Moral et al. 2012): reweighting `previous` to
    /// a tolerance ε gives W_i · s_i(ε) / s_i, s_i(ε) the share of particle i's replicate distances ≤ ε and
    /// s_i its share at its own tolerance; ε is the smallest replicate distance of `previous` below both
    /// its tolerance and its largest replicate distance at which the effective sample size of those
    /// weights is still ≥ α × the effective sample size of `previous` (found by bisection over the sorted
    /// distances, taking that ESS as increasing in ε). When no such distance keeps it, the largest
    /// candidate is taken (progress is always made while one exists); with no candidate at all (every
    /// replicate at the largest distance) the previous tolerance (or that largest distance) stays.
    /// Never below the target `stop.tolerance`.
    public func nextTolerance(after previous: ParticlePopulation, previousTolerance: Double) -> Double {
        let finite = previous.distances.filter(\.isFinite)
        let largest = finite.max() ?? .infinity
        let ceiling = min(previousTolerance, largest)
        let candidates = Array(Set(finite.filter { $0 < ceiling })).sorted()
        guard !candidates.isEmpty else { return max(ceiling, settings.tolerance ?? -.infinity) }
        let target = settings.alpha * WeightedSample.effectiveSampleSize(previous.weights)
        func ess(_ epsilon: Double) -> Double {
            WeightedSample.effectiveSampleSize((0..<previous.count).map { i in
                previous.shares[i] > 0 ? previous.weights[i] * previous.share(ofParticle: i, within: epsilon) / previous.shares[i] : 0
            })
        }
        var low = 0, high = candidates.count - 1
        if ess(candidates[high]) >= target {
            while low < high {
                let middle = (low + high) / 2
                if ess(candidates[middle]) >= target { high = middle } else { low = middle + 1 }
            }
        }
        return max(candidates[high], settings.tolerance ?? -.infinity)
    }

    /// GSL's interpolated quantile of unsorted `values`.
    public static func quantile(_ values: [Double], _ fraction: Double) -> Double {
        ValidationScorer.quantile(sorted: values.sorted(), fraction)
    }

    /// Generation `generation`: from the prior when `previous` is nil, else by perturbing ancestors of
    /// `previous` and keeping a proposal when at least one of its k replicate distances is within
    /// `tolerance` (its share, the estimated ABC likelihood, is > 0; a share of 0 would get weight 0).
    /// Nil when a particle slot used all its attempts (``ABCSettings/maxAttemptsPerParticle``): the
    /// generation is abandoned. The same as ``assemble(_:previous:tolerance:slots:jobs:)`` of the
    /// ``slots(_:previous:tolerance:particles:jobs:progress:)`` of every particle.
    public func generation(_ generation: Int, previous: ParticlePopulation?, tolerance: Double, jobs: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) -> (ParticlePopulation, GenerationRecord)? {
        let all = slots(generation, previous: previous, tolerance: tolerance, particles: Array(0..<settings.particles),
                        jobs: jobs, progress: progress)
        return assemble(generation, previous: previous, tolerance: tolerance, slots: all, jobs: jobs)
    }

    /// The particle slots `particles` of generation `generation` (a shard's part of it, or all): each
    /// slot's attempts one after the other, slots in parallel; every draw from the slot's own streams.
    public func slots(_ generation: Int, previous: ParticlePopulation?, tolerance: Double, particles: [Int], jobs: Int,
                      progress: (@Sendable (Int) -> Void)? = nil) -> [ParticleSlot] {
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
        return ParallelMap.run(count: particles.count, jobs: jobs) { index -> ParticleSlot in
            let particle = particles[index]
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
                let distances = problem.distances(theta[...], simulationSeed: CalibrationStreams.simulationSeed(key))
                let within = distances.filter { $0 <= tolerance }.count
                if within > 0 {
                    progress?(particle)
                    return ParticleSlot(particle: particle, theta: theta, distances: distances, share: Double(within) / Double(distances.count),
                                        attempts: attempt + 1, evaluated: evaluated)
                }
            }
            progress?(particle)
            return ParticleSlot(particle: particle, theta: [Double](repeating: .nan, count: d),
                                distances: [Double](repeating: .nan, count: problem.replicates), share: 0, attempts: cap, evaluated: evaluated)
        }
    }

    /// Generation `generation` from the slots of all its particles, in particle order: the weights,
    /// the population and the record (seconds 0). Nil when a slot ran out of attempts.
    public func assemble(_ generation: Int, previous: ParticlePopulation?, tolerance: Double, slots: [ParticleSlot],
                         jobs: Int) -> (ParticlePopulation, GenerationRecord)? {
        let problem = self.problem
        let attempts = slots.reduce(0) { $0 + $1.attempts }
        let simulations = slots.reduce(0) { $0 + $1.evaluated } * problem.simulationsPerEvaluation
        guard slots.allSatisfy(\.accepted) else { return nil }
        let widths = problem.priors.map { $0.upper - $0.lower }
        let kernel = previous.map { PerturbationKernel(population: $0, widths: widths) }
        let values = slots.flatMap(\.theta)
        let shares = slots.map(\.share)
        let weights = Self.weights(values: values, shares: shares, previous: previous, kernel: kernel, problem: problem, jobs: jobs)
        let population = ParticlePopulation(generation: generation, parameterNames: problem.parameterNames, values: values,
                                            weights: weights, shares: shares, distances: slots.flatMap(\.distances))
        return (population, GenerationRecord(generation: generation, tolerance: previous == nil ? .infinity : tolerance,
                                             attempts: attempts, simulations: simulations, seconds: 0))
    }

    /// Normalised importance weights: uniform for generation 0; otherwise
    /// w_i ∝ π(θ_i) · s_i / Σ_j W_j K(θ_i | θ_j) (Beaumont et al. 2009 with the pseudo-marginal
    /// likelihood estimate s_i, the particle's share of replicates within the tolerance), π the joint
    /// prior density, W the previous weights and K the kernel density.
    public static func weights(values: [Double], shares: [Double], previous: ParticlePopulation?, kernel: PerturbationKernel?,
                               problem: CalibrationProblem, jobs: Int) -> [Double] {
        let d = problem.parameters.count
        let n = d > 0 ? values.count / d : 0
        guard let previous, let kernel else { return [Double](repeating: 1 / Double(max(n, 1)), count: n) }
        let raw = ParallelMap.run(count: n, jobs: jobs) { i -> Double in
            let theta = values[(i * d)..<((i + 1) * d)]
            let mixture = kernel.mixtureDensity(theta, population: previous)
            return mixture > 0 ? problem.priorDensity(theta) * shares[i] / mixture : 0
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
