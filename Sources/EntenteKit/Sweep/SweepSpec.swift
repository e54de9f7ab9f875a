/// A validated sweep file: which scenario, which design, which parameters, how many replicates.
public struct SweepSpec: Sendable {
    /// What each run records.
    public enum Record: String, Sendable { case outcomes, full }

    /// The sweep file as named by the user.
    public var file: String
    /// The scenario file, resolved relative to the sweep file.
    public var scenarioPath: String
    /// The scenario as written in the sweep file.
    public var scenarioReference: String
    /// Variant of the scenario, if any.
    public var variant: String?
    /// Base seed of every run's stream.
    public var seed: UInt64
    /// Replicates per point.
    public var replicates: Int
    /// Design name (`grid`, `random`, `latin`, `sobol`, `saltelli`, `morris`).
    public var design: DesignName
    /// Points to draw for sampled designs (base samples N for saltelli, trajectories r for morris).
    public var samples: Int
    /// `second_order`, `skip`, `levels`, `candidates` of the sensitivity designs.
    public var designOptions = DesignOptions()
    /// Swept parameters in declaration order.
    public var parameters: [SweepParameter]
    /// Outcomes: nil to use the scenario's, or a YAML list to decode against the scenario.
    public var outcomes: YAMLNode?
    /// What each run records.
    public var record: Record
    /// `variants:` — the scenario's variants run at every point on the baseline's streams (paired), in order.
    public var variants: [String] = []
    /// The parsed sweep file.
    public var root: YAMLNode
}
