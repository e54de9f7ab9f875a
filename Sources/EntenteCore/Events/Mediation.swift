/// `mediation {by, between: [A, B], intensity?}`: a third state brokers talks between two others.
///
/// With m = mediation · intensity: T_A,B and T_B,A each rise by m (the parties' distrust eases), and
/// T_A,by and T_B,by each rise by reciprocity · m (credit to the broker). The mediator's own trust in
/// the parties does not change. Applied in that order, each clamped to [−1, 1].
public struct Mediation: EventEffect {
    public static let typeName = "mediation"

    /// The mediator.
    public var by: Int
    /// The first party.
    public var first: Int
    /// The second party.
    public var second: Int
    /// Multiplier of the change.
    public var intensity: Double

    public var actor: Int? { by }
    public func targetName(_ names: WorldNames) -> String { names.state(first) + "+" + names.state(second) }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        let m = environment.parameters[.mediation] * intensity
        world.addTrust(first, second, m)
        world.addTrust(second, first, m)
        let credit = environment.parameters[.reciprocity] * m
        world.addTrust(first, by, credit)
        world.addTrust(second, by, credit)
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.states[by], target: environment.names.states[first] + "+" + environment.names.states[second],
                   detail: "change=\(m) credit=\(credit)")
    }

    /// Creates the value from its fields.
    public init(by: Int, first: Int, second: Int, intensity: Double) {
        self.by = by
        self.first = first
        self.second = second
        self.intensity = intensity
    }
}
