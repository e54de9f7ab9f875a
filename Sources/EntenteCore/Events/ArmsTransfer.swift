/// `arms_transfer {from, to, value, covert?, revealed?}`: a supplier arms a recipient.
///
/// The recipient gains `value` capability at once. Observers hostile to the recipient
/// lose trust in the supplier (and, by complicity, in the supplier's bloc leaders);
/// observers hostile to the supplier lose trust in the recipient; the recipient's trust
/// in the supplier rises. A covert transfer's perception effects are computed when it
/// happens and held back until it is revealed; its capability effect is not.
public struct ArmsTransfer: EventEffect {
    public static let typeName = "arms_transfer"

    /// Supplier index.
    public var from: Int
    /// Recipient index.
    public var to: Int
    /// Capability delivered, in the scenario's capability units.
    public var value: Double
    /// Whether the transfer is hidden until revealed.
    public var covert: Bool
    /// Step at which it comes to light, if the event says so.
    public var revealedStep: Int?
    /// The recipient's `salience_scale` when it is an armed group: salience is measured against it
    /// instead of the recipient's capability.
    public var recipientScale: Double?

    public var actor: Int? { from }
    public var isCovert: Bool { covert }
    public func targetName(_ names: WorldNames) -> String { names.state(to) }

    public func followUps(eventIndex: Int) -> [(step: Int, effect: any EventEffect)] {
        guard covert, let revealedStep else { return [] }
        return [(revealedStep, Reveal(events: [eventIndex]))]
    }

    /// s = value / (value + c_to), with the recipient's capability before the transfer (0 when both are 0);
    /// for a group recipient, value / (value + its `salience_scale`).
    public func salience(in world: World) -> Double {
        let scale = recipientScale ?? world.capability[to]
        return value + scale > 0 ? value / (value + scale) : 0
    }

    /// The perception effects, computed on the world as it is before the transfer.
    /// `secret` is true for a covert transfer not yet revealed: only deception adds weight then.
    public func trustChanges(in world: World, parameters: ParameterValues, secret: Bool) -> [TrustChange] {
        let n = world.stateCount
        let salience = salience(in: world)
        let betrayal = parameters[.betrayal]
        let allyPenalty = parameters[.allyPenalty]
        let secrecy = 1 + (secret ? parameters[.deception] : 0)
        let complicity = parameters[.complicity]
        var changes: [TrustChange] = []
        for observer in 0..<n where observer != from && observer != to {
            let hostilityToRecipient = max(0, -world.trust(observer, to))
            if hostilityToRecipient > 0 {
                let ally: Double = world.shareActiveBloc(observer, from) ? 1 : 0
                let delta = -betrayal * salience * hostilityToRecipient * (1 + allyPenalty * ally) * secrecy
                changes.append(TrustChange(from: observer, to: from, delta: delta))
                for bloc in 0..<world.blocCount where world.belongs(from, bloc) {
                    let leader = world.leader[bloc]
                    if leader >= 0, leader != observer, leader != from {
                        changes.append(TrustChange(from: observer, to: leader, delta: complicity * delta))
                    }
                }
            }
            let hostilityToSupplier = max(0, -world.trust(observer, from))
            if hostilityToSupplier > 0 {
                let ally: Double = world.shareActiveBloc(observer, to) ? 1 : 0
                let delta = -betrayal * salience * hostilityToSupplier * (1 + allyPenalty * ally) * secrecy
                changes.append(TrustChange(from: observer, to: to, delta: delta))
            }
        }
        return changes
    }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        let parameters = environment.parameters
        let salience = salience(in: world)
        let secret = covert && !world.revealed[environment.eventIndex]
        let changes = trustChanges(in: world, parameters: parameters, secret: secret)
        world.capability[to] += value
        world.addTrust(to, from, parameters[.gratitude] * salience)
        if secret {
            world.heldBack[environment.eventIndex] += changes
        } else {
            world.recordBetrayal(changes, share: parameters[.grievance])  // model 2 only
            world.apply(changes)
        }
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.state(from), target: environment.names.state(to),
                   detail: "value=\(value) salience=\(salience)\(covert ? " covert" : "")")
    }

    /// Creates the value from its fields.
    public init(from: Int, to: Int, value: Double, covert: Bool, revealedStep: Int?, recipientScale: Double? = nil) {
        self.recipientScale = recipientScale
        self.from = from
        self.to = to
        self.value = value
        self.covert = covert
        self.revealedStep = revealedStep
    }
}
