/// One generation of an ABC-SMC population: each particle's parameter values, its normalised
/// importance weight and its distance to the observations.
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
    /// Each particle's distance to the observations (as defined in docs/calibration.md).
    public let distances: [Double]

    /// Creates a population; the arrays must agree in size (`values.count` = particles × parameters).
    public init(generation: Int, parameterNames: [String], values: [Double], weights: [Double], distances: [Double]) {
        precondition(weights.count == distances.count, "one weight and one distance per particle")
        precondition(values.count == weights.count * parameterNames.count, "one value per particle and parameter")
        self.generation = generation
        self.parameterNames = parameterNames
        self.values = values
        self.weights = weights
        self.distances = distances
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
