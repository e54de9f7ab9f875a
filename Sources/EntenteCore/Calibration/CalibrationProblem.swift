/// What a calibration simulates and how far a parameter set lands from history: the compiled scenarios
/// (fitted jointly, parameters shared), the fitted parameters and their priors, and the observations.
///
/// A parameter set is applied to each compiled scenario as a typed edit
/// (``Engine/reparameterised(_:)``): no YAML or text per particle.
public struct CalibrationProblem: Sendable {
    /// One compiled engine per scenario, with the scenario's own parameter values.
    public let engines: [Engine]
    /// The fitted parameters, in column order.
    public let parameters: [Parameter]
    /// One prior per fitted parameter.
    public let priors: [Prior]
    /// The observations, each with its weight.
    public let targets: [CalibrationTarget]
    /// Replicates per scenario and particle (k).
    public let replicates: Int

    /// A problem; `priors` and `parameters` agree in count, targets name valid scenarios and columns.
    public init(engines: [Engine], parameters: [Parameter], priors: [Prior], targets: [CalibrationTarget], replicates: Int) {
        precondition(parameters.count == priors.count, "one prior per parameter")
        self.engines = engines
        self.parameters = parameters
        self.priors = priors
        self.targets = targets
        self.replicates = max(1, replicates)
    }

    /// The fitted parameters' names.
    public var parameterNames: [String] { parameters.map(\.info.name) }

    /// Simulations one particle evaluation runs: k replicates of each scenario.
    public var simulationsPerEvaluation: Int { replicates * engines.count }

    /// The joint prior density of a parameter set (product of the marginal densities).
    public func priorDensity(_ theta: ArraySlice<Double>) -> Double {
        var density = 1.0
        for (prior, x) in zip(priors, theta) { density *= prior.density(x) }
        return density
    }

    /// True when every value lies in its prior's support.
    public func inSupport(_ theta: ArraySlice<Double>) -> Bool {
        zip(priors, theta).allSatisfy { $0.contains($1) }
    }

    /// The k replicate distances of a parameter set: runs k replicates of every scenario with the
    /// simulation seed; replicate r's distance is Σ_o w_o · d_o,r / Σ_o w_o over the observations o of
    /// every scenario's replicate r (``CalibrationTarget/distance(_:failed:)``). The share of them within
    /// a tolerance estimates the ABC likelihood (docs/calibration.md#distance).
    public func distances(_ theta: ArraySlice<Double>, simulationSeed: UInt64) -> [Double] {
        var perReplicate = [Double](repeating: 0, count: targets.count * replicates)
        for (index, base) in engines.enumerated() {
            var values = base.scenario.parameters
            for (parameter, x) in zip(parameters, theta) { values[parameter] = x }
            let engine = base.reparameterised(values)
            for replicate in 0..<replicates {
                var observer = NullObserver()
                let run = engine.run(replicate: replicate, point: index, seed: simulationSeed, observer: &observer)
                for (t, target) in targets.enumerated() where target.scenario == index {
                    perReplicate[replicate * targets.count + t] = target.distance(run.outcomes[target.column], failed: run.error != nil)
                }
            }
        }
        let weights = targets.map(\.weight)
        return (0..<replicates).map { r in
            Self.combine(Array(perReplicate[(r * targets.count)..<((r + 1) * targets.count)]), weights: weights)
        }
    }

    /// Σ w_o d_o / Σ w_o: the weighted mean of per-observation distances.
    public static func combine(_ means: [Double], weights: [Double]) -> Double {
        var total = 0.0, weightSum = 0.0
        for (mean, weight) in zip(means, weights) {
            total += weight * mean
            weightSum += weight
        }
        return weightSum > 0 ? total / weightSum : 0
    }
}
