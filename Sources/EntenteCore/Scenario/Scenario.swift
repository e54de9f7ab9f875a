/// A validated scenario: one world and its timeline, with every id resolved to an index.
public struct Scenario: Sendable {
    /// Display name.
    public var name: String
    /// The file as named by the user.
    public var file: String
    /// The time axis.
    public var calendar: SimulationCalendar
    /// Base seed of the random streams.
    public var seed: UInt64
    /// Default number of replicates.
    public var replicates: Int
    /// Model parameters after the file's `parameters:` and any overrides.
    public var parameters: ParameterValues
    /// The parameters the file or an override set explicitly.
    public var explicitParameters: Set<Parameter>
    /// States in declaration order.
    public var states: [StateSpec]
    /// Blocs in declaration order.
    public var blocs: [BlocSpec]
    /// Listed initial trust values.
    public var trust: [TrustSpec]
    /// Listed initial affinities.
    public var alignment: [AlignmentSpec]
    /// Events in file order.
    public var events: [ScenarioEvent]
    /// Declared outcomes in order.
    public var outcomes: [OutcomeSpec]
    /// Declared variants (counterfactual edits).
    public var variants: [VariantSpec]
    /// What really happened to some outcomes (`observed:`), for `entente validate`; runs ignore it.
    public var observed: [ObservedOutcome] = []
    /// Explicit propensities (`propensity:`), for `entente landscape`; runs ignore them.
    public var propensity: [PropensitySpec] = []
    /// The rule set that runs it (`model:`, overridden by `--model`): 1 (default) or 2 (docs/model.md, "Model 2").
    public var model: Int = 1

    /// Ids for outputs.
    public var names: WorldNames {
        WorldNames(states: states.map(\.id), blocs: blocs.map(\.id), events: events.map { $0.id ?? "" })
    }

    /// Creates the value from its fields.
    public init(name: String, file: String, calendar: SimulationCalendar, seed: UInt64, replicates: Int, parameters: ParameterValues, explicitParameters: Set<Parameter>, states: [StateSpec], blocs: [BlocSpec], trust: [TrustSpec], alignment: [AlignmentSpec], events: [ScenarioEvent], outcomes: [OutcomeSpec], variants: [VariantSpec], observed: [ObservedOutcome] = []) {
        self.name = name
        self.file = file
        self.calendar = calendar
        self.seed = seed
        self.replicates = replicates
        self.parameters = parameters
        self.explicitParameters = explicitParameters
        self.states = states
        self.blocs = blocs
        self.trust = trust
        self.alignment = alignment
        self.events = events
        self.outcomes = outcomes
        self.variants = variants
        self.observed = observed
    }
}
