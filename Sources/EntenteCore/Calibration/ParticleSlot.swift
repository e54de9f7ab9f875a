/// What one particle slot of a generation produced: the kept parameter set with its k replicate
/// distances and share, or (after ⌈10 / min_acceptance⌉ attempts) nothing. Slots are independent
/// given the previous generation, so shards of a generation compute disjoint sets of them and a merge
/// step assembles the generation (docs/cluster.md#calibration-on-a-cluster).
public struct ParticleSlot: Sendable, Equatable {
    /// The particle slot number.
    public var particle: Int
    /// The kept parameter values (NaN when the slot ran out of attempts).
    public var theta: [Double]
    /// Its k replicate distances (NaN when the slot ran out of attempts).
    public var distances: [Double]
    /// The share of those within the generation's tolerance (> 0 when kept).
    public var share: Double
    /// Proposals made, including those outside the prior's support.
    public var attempts: Int
    /// Proposals simulated.
    public var evaluated: Int

    /// A slot.
    public init(particle: Int, theta: [Double], distances: [Double], share: Double, attempts: Int, evaluated: Int) {
        self.particle = particle
        self.theta = theta
        self.distances = distances
        self.share = share
        self.attempts = attempts
        self.evaluated = evaluated
    }

    /// Whether a parameter set was kept.
    public var accepted: Bool { share > 0 }
}
