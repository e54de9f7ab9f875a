/// `partnership {from, to, bloc?, intensity}`: an outside power engages a state (a monitoring mission, an exercise).
///
/// T_to,from rises by engagement · intensity, and the recipient's affinity for `bloc` by the same amount.
public struct Partnership: EventEffect {
    public static let typeName = "partnership"

    /// The engaging power.
    public var from: Int
    /// The state engaged.
    public var to: Int
    /// The bloc whose affinity rises, if any.
    public var bloc: Int?
    /// Strength of the engagement.
    public var intensity: Double

    public var actor: Int? { from }
    public func targetName(_ names: WorldNames) -> String { names.state(to) }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        let amount = environment.parameters[.engagement] * intensity
        world.addTrust(to, from, amount)
        if let bloc { world.addAffinity(to, bloc, amount) }
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.states[from], target: environment.names.states[to],
                   detail: "intensity=\(intensity)" + (bloc.map { " bloc=" + environment.names.blocs[$0] } ?? ""))
    }

    /// Creates the value from its fields.
    public init(from: Int, to: Int, bloc: Int?, intensity: Double) {
        self.from = from
        self.to = to
        self.bloc = bloc
        self.intensity = intensity
    }
}
