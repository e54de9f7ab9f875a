/// One generation of an ABC-SMC population: each particle's parameter values, its normalised
/// importance weight, the distance of each of its k replicates to the observations, and the share of
/// those replicates within the generation's tolerance (its estimated ABC likelihood).
///
/// It is the value that `entente calibrate` writes generation by generation into `particles.csv`
/// and that `run`/`compare --posterior` draw parameter sets from, so both sides agree on one type.
public struct ParticlePopulation: Sendable, Equatable {
    /// The generation number, 0 for the population drawn from the prior.
    public let generation: Int
    /// The fitted parameters' names (`betrayal`, `delta_sanction`, …), in column order.
    public let parameterNames: [String]
    /// Parameter values, row-major: particle p, parameter j at `p * parameterNames.count + j`.
    public let values: [Double]
    /// Importance weights, one per particle, summing to 1.
    public let weights: [Double]
    /// Each particle's share of replicates whose distance is within the generation's tolerance (1 for
    /// generation 0): the estimate of its ABC likelihood used in its weight.
    public let shares: [Double]
    /// Replicate distances (docs/calibration.md#distance), row-major: particle p, replicate r at
    /// `p * replicates + r`.
    public let distances: [Double]
    /// Replicates per particle k.
    public let replicates: Int

    /// Creates a population; the arrays must agree in size (`values.count` = particles × parameters,
    /// `distances.count` = particles × k with k ≥ 1).
    public init(generation: Int, parameterNames: [String], values: [Double], weights: [Double], shares: [Double], distances: [Double]) {
        precondition(weights.count == shares.count, "one weight and one share per particle")
        precondition(weights.isEmpty || (distances.count % weights.count == 0 && distances.count >= weights.count),
                     "k ≥ 1 distances per particle")
        precondition(values.count == weights.count * parameterNames.count, "one value per particle and parameter")
        self.generation = generation
        self.parameterNames = parameterNames
        self.values = values
        self.weights = weights
        self.shares = shares
        self.distances = distances
        self.replicates = weights.isEmpty ? 1 : distances.count / weights.count
    }

    /// The k replicate distances of particle `particle`.
    public func distances(ofParticle particle: Int) -> ArraySlice<Double> {
        distances[(particle * replicates)..<((particle + 1) * replicates)]
    }

    /// The share of particle `particle`'s replicates whose distance is at most `tolerance`.
    public func share(ofParticle particle: Int, within tolerance: Double) -> Double {
        Double(distances(ofParticle: particle).filter { $0 <= tolerance }.count) / Double(replicates)
    }

    /// Number of particles.
    public var count: Int { weights.count }

    /// The parameter values of particle `particle`, in ``parameterNames`` order.
    public func values(ofParticle particle: Int) -> ArraySlice<Double> {
        let width = parameterNames.count
        return values[(particle * width)..<((particle + 1) * width)]
    }

    /// The value of parameter `parameter` for particle `particle`.
    public func value(particle: Int, parameter: Int) -> Double {
        values[particle * parameterNames.count + parameter]
    }
}
