/// The settings of an ABC-SMC calibration (the calibration file's numbers; docs/calibration.md).
public struct ABCSettings: Sendable, Hashable {
    /// Particles per generation N.
    public var particles: Int
    /// The share α of the previous generation's effective sample size that the next tolerance keeps
    /// (``ABCSMC/nextTolerance(after:previousTolerance:)``).
    public var alpha: Double
    /// Stop when a generation's acceptance rate falls below this (> 0).
    public var minAcceptance: Double
    /// Stop once a generation's tolerance is at or below this; nil for no target.
    public var tolerance: Double?
    /// Most generations, counting generation 0 (the prior).
    public var generations: Int
    /// Stop once this many simulations have run (checked at generation boundaries); nil for no budget.
    public var simulations: Int?
    /// Base seed of every stream.
    public var seed: UInt64

    /// Settings.
    public init(particles: Int, alpha: Double = 0.5, minAcceptance: Double = 0.01, tolerance: Double? = nil,
                generations: Int = 10, simulations: Int? = nil, seed: UInt64 = 1) {
        self.particles = particles
        self.alpha = alpha
        self.minAcceptance = minAcceptance
        self.tolerance = tolerance
        self.generations = generations
        self.simulations = simulations
        self.seed = seed
    }

    /// Most proposals one particle slot may make in a generation: ⌈10 / min_acceptance⌉. A slot that
    /// reaches it abandons the generation, and the calibration stops on `min_acceptance`.
    public var maxAttemptsPerParticle: Int { Int((10 / minAcceptance).rounded(.up)) }
}

/// Why a calibration stopped.
public enum ABCStopReason: String, Sendable, Hashable {
    /// The last generation's tolerance reached `stop.tolerance`.
    case tolerance
    /// The last generation's acceptance rate fell below `stop.min_acceptance`, or a particle slot used
    /// all its attempts (that generation was abandoned).
    case minAcceptance = "min_acceptance"
    /// `stop.simulations` simulations have run.
    case simulations
    /// `stop.generations` generations exist.
    case generations
}

/// What one generation took: its tolerance, proposals, simulations, acceptance rate and effective sample size.
public struct GenerationRecord: Sendable, Hashable {
    /// The generation number.
    public var generation: Int
    /// Its tolerance ε_t; +∞ for generation 0, which accepts every prior draw.
    public var tolerance: Double
    /// Proposals made (including those outside the prior's support, which are not simulated).
    public var attempts: Int
    /// Simulations run (evaluated proposals × replicates × scenarios).
    public var simulations: Int
    /// Wall-clock seconds (the only quantity that is not reproducible).
    public var seconds: Double

    /// A record.
    public init(generation: Int, tolerance: Double, attempts: Int, simulations: Int, seconds: Double) {
        self.generation = generation
        self.tolerance = tolerance
        self.attempts = attempts
        self.simulations = simulations
        self.seconds = seconds
    }
}
