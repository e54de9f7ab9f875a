import EntenteCore

/// A decoded calibration file (docs/calibration.md#the-calibration-file): the scenarios fitted jointly,
/// the fitted parameters with their priors, the observations with their weights, and the ABC-SMC settings.
public struct CalibrationSpec: Sendable {
    /// One fitted parameter.
    public struct FittedParameter: Sendable, Hashable {
        /// The model parameter.
        public var parameter: Parameter
        /// Its prior.
        public var prior: Prior
    }

    /// The calibration file as named.
    public var file: String
    /// The scenario files as written under `scenarios:`.
    public var scenarioReferences: [String]
    /// Their paths (relative to the calibration file's folder, resolved).
    public var scenarioPaths: [String]
    /// The loaded scenarios, in `scenarios:` order.
    public var scenarios: [Scenario]
    /// The fitted parameters, in file order.
    public var parameters: [FittedParameter]
    /// The observations, each with its weight, in scenario then `observed:` order, numeric ones last.
    public var targets: [CalibrationTarget]
    /// The window W in months for dated events.
    public var window: Int
    /// Replicates per scenario and particle (k).
    public var replicates: Int
    /// ABC-SMC settings.
    public var settings: ABCSettings
    /// The rule set every scenario runs under (`model:` of the calibration file, or `--model N`); nil: each
    /// scenario's own `model:`. Already applied to ``scenarios``.
    public var model: Int? = nil

    /// The problem ABC-SMC solves: compiled engines, priors, targets.
    public func problem() -> CalibrationProblem {
        CalibrationProblem(engines: scenarios.map { Engine(scenario: $0) }, parameters: parameters.map(\.parameter),
                           priors: parameters.map(\.prior), targets: targets, replicates: replicates)
    }
}
