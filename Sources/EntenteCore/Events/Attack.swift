/// `attack {by, target, intensity, bloc?, response?, responses?}`: an armed attack and the call for help it triggers;
/// `by` may list several attackers (a coalition).
///
/// T_target,by falls by hostility · intensity; every other observer that trusts the
/// target loses solidarity · intensity · T_o,target of its trust in the attacker; then the
/// target calls on its blocs (``CallForHelp``).
public struct Attack: EventEffect {
    public static let typeName = "attack"

    /// Attacker.
    public var by: Int
    /// The call the target makes.
    public var call: CallForHelp

    public var actor: Int? { by }
    public func targetName(_ names: WorldNames) -> String { names.state(call.caller) }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        if !call.moreAdversaries.isEmpty { return applyCoalition(to: &world, environment: environment, log: &log) }
        let parameters = environment.parameters
        let target = call.caller
        let intensity = call.intensity
        world.addTrust(target, by, -parameters[.hostility] * intensity)
        world.addHostility(target, by, parameters[.hostility] * intensity)  // model 2 only
        for observer in 0..<world.stateCount where observer != target && observer != by {
            let sympathy = world.trust(observer, target)
            if sympathy > 0 {
                world.addTrust(observer, by, -parameters[.solidarity] * intensity * sympathy)
                world.addHostility(observer, by, parameters[.intentSolidarity] * intensity * sympathy)  // model 2 only
            }
        }
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                   actor: environment.names.states[by], target: environment.names.states[target], detail: "intensity=\(intensity)")
        call.answer(in: &world, environment: environment, log: &log)
    }

    /// A coalition attack (`by: [A, B]`): the target loses hostility · intensity of its trust in each
    /// attacker, in the listed order; every observer other than the target and the attackers that trusts
    /// the target (T_o,target > 0, read before its own changes) loses solidarity · intensity · T_o,target
    /// of its trust in each attacker; one `attack` row per attacker; then one call naming all of them.
    private func applyCoalition(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        let parameters = environment.parameters
        let target = call.caller
        let intensity = call.intensity
        let attackers = [by] + call.moreAdversaries
        for attacker in attackers {
            world.addTrust(target, attacker, -parameters[.hostility] * intensity)
            world.addHostility(target, attacker, parameters[.hostility] * intensity)  // model 2 only
        }
        for observer in 0..<world.stateCount where observer != target && !attackers.contains(observer) {
            let sympathy = world.trust(observer, target)
            if sympathy > 0 {
                for attacker in attackers {
                    world.addTrust(observer, attacker, -parameters[.solidarity] * intensity * sympathy)
                    world.addHostility(observer, attacker, parameters[.intentSolidarity] * intensity * sympathy)  // model 2 only
                }
            }
        }
        for attacker in attackers {
            log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: Self.typeName,
                       actor: environment.names.states[attacker], target: environment.names.states[target],
                       detail: "intensity=\(intensity) coalition=" + attackers.map { environment.names.states[$0] }.joined(separator: "+"))
        }
        call.answer(in: &world, environment: environment, log: &log)
    }

    /// Creates the value from its fields.
    public init(by: Int, call: CallForHelp) {
        self.by = by
        self.call = call
    }
}
