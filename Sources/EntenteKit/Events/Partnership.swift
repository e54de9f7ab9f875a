/// `partnership {from, to, bloc?, intensity}`: an outside power engages a state (a monitoring mission, an exercise).
///
/// T_to,from rises by engagement · intensity, and the recipient's affinity for `bloc` by the same amount.
public struct Partnership: EventEffect {
    public static let typeName = "partnership"
    public static let fieldNames = ["from", "to", "bloc", "intensity"]
    public static let requiredFields = ["from", "to", "intensity"]

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

    public static func decode(_ fields: FieldReader, context: inout DecodeContext) -> Partnership? {
        let from = fields["from"].flatMap { context.state($0, field: "from") }
        let to = fields["to"].flatMap { context.state($0, field: "to") }
        let intensity = fields["intensity"].flatMap { context.number($0, field: "intensity", range: 0...10) }
        var bloc: Int?? = .some(nil)
        if let node = fields["bloc"] { bloc = context.bloc(node, field: "bloc").map { .some($0) } ?? nil }
        if let from, let to, from == to, let node = fields["to"] {
            context.error("'from' and 'to' name the same state; expected two states", at: node.location)
        }
        guard let from, let to, let intensity, let bloc else { return nil }
        return Partnership(from: from, to: to, bloc: bloc, intensity: intensity)
    }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        let amount = environment.parameters[.engagement] * intensity
        world.addTrust(to, from, amount)
        if let bloc { world.addAffinity(to, bloc, amount) }
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.states[from], target: environment.names.states[to],
                   detail: "intensity=\(intensity)" + (bloc.map { " bloc=" + environment.names.blocs[$0] } ?? ""))
    }
}
