import Foundation

/// `validate --posterior DIR --draws M`: every case scored under the posterior predictive of a
/// calibration rather than under fixed parameters (docs/validation.md#with-a-posterior).
///
/// Per case, M particle indexes are drawn by weight from the calibration's final population exactly as
/// `run --posterior` draws them (``PosteriorDraws``, under the case's seed), and replicate r runs under
/// draw r mod M, on the same random stream as replicate r of a plain `validate` (common random numbers:
/// only the parameters differ). With R replicates each draw gets ⌊R/M⌋ or ⌈R/M⌉ of them, so P is the
/// predictive probability averaged over the parameter uncertainty of the fit.
public struct ValidationPosterior: Sendable {
    /// The calibration's final population.
    public var source: PosteriorSource
    /// Parameter sets drawn per case, M.
    public var draws: Int

    /// A posterior of `draws` draws from `source`.
    public init(source: PosteriorSource, draws: Int) {
        self.source = source
        self.draws = draws
    }

    /// Refuses what cannot be scored this way: more draws than replicates (some draws would never run),
    /// and `--set` of a fitted parameter (each draw sets it).
    public func check(replicates: Int, settings: [String]) throws {
        guard draws <= replicates else {
            throw EntenteError.usage("--draws \(draws) is more than --replicates \(replicates): replicate r runs under draw r mod M, so some draws would never run; give --replicates ≥ --draws")
        }
        let fitted = Set(source.parameters)
        for setting in settings {
            let path = ScenarioEditor.canonicalPath(String(setting.prefix { $0 != "=" }))
            if path.hasPrefix("parameters."), let parameter = Parameter.named(String(path.dropFirst("parameters.".count))), fitted.contains(parameter) {
                throw EntenteError.usage("--set \(setting): '\(parameter.info.name)' is fitted in \(source.folder)/particles.csv, so each draw sets it; drop the --set, or validate without --posterior")
            }
        }
    }

    /// The particle index of each draw of a case run under `seed`.
    public func particles(seed: UInt64) throws -> [Int] {
        guard let particles = PosteriorDraws.indices(weights: source.population.weights, count: draws, seed: seed) else {
            throw EntenteError.software("GSL could not build the sampling table of \(source.folder)/particles.csv's weights")
        }
        return particles
    }

    /// One engine per draw: `engine` with the fitted parameters set to the drawn particle's values.
    func engines(_ engine: Engine, scenario: Scenario, particles: [Int]) -> [Engine] {
        particles.map { particle in
            var values = scenario.parameters
            for (j, parameter) in source.parameters.enumerated() {
                values[parameter] = source.population.value(particle: particle, parameter: j)
            }
            return engine.reparameterised(values)
        }
    }

    /// The manifest's `posterior` entry.
    func manifestEntry() -> ValidateManifest.Posterior {
        ValidateManifest.Posterior(folder: source.folder, particlesSHA256: source.sha256, calibrationStatus: source.status,
                                   finalGeneration: source.population.generation, particles: source.population.count,
                                   parameters: source.population.parameterNames, model: source.model, draws: draws,
                                   drawStream: "gsl_ran_discrete by weight on StreamSeed.key(case seed, -2, 0), as run --posterior",
                                   replicateRule: "replicate r runs under draw r mod M on the stream of replicate r of a plain validate")
    }
}
