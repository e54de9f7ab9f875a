/// `membership {state, bloc, action}`: a scripted join, freeze, unfreeze or leave.
///
/// For counterfactuals and for states whose exit is not the question. An action that does
/// not fit the state's status at that step (leaving a bloc it is not in) changes nothing
/// and is logged as ignored.
public struct MembershipChange: EventEffect {
    public static let typeName = "membership"

    /// The scripted change.
    public enum Action: String, Sendable, CaseIterable { case join, freeze, unfreeze, leave }

    /// The state.
    public var state: Int
    /// The bloc.
    public var bloc: Int
    /// What happens.
    public var action: Action

    public var actor: Int? { state }
    public func targetName(_ names: WorldNames) -> String { names.blocs[bloc] }
    public var scriptedMembership: MembershipChange? { self }

    /// The status after the action, or nil when the action does not apply to `current`.
    public func newStatus(from current: MembershipStatus) -> MembershipStatus? {
        switch (action, current) {
        case (.join, .outside), (.join, .left): return .member
        case (.freeze, .member): return .frozen
        case (.unfreeze, .frozen): return .member
        case (.leave, .member), (.leave, .frozen): return .left
        default: return nil
        }
    }

    public func apply(to world: inout World, environment: EventEnvironment, log: inout EventLog) {
        let current = world.status(state, bloc)
        if world.isUnderNotice(state, bloc) {
            log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: action.rawValue,
                       actor: environment.names.states[state], target: environment.names.blocs[bloc], detail: "scripted; ignored: under notice")
            return
        }
        let next = newStatus(from: current)
        if next == .left, world.hasTreaties, !world.exitSteps[bloc].isEmpty,
           !world.decideExit(state, bloc, step: environment.step, names: environment.names,
                             event: environment.names.events[environment.eventIndex], log: &log, detail: "scripted") {
            return  // notice given: the `notice` row is logged; the exit takes effect later
        }
        if let next { world.setStatus(state, bloc, next) }
        log.record(step: environment.step, event: environment.names.events[environment.eventIndex], type: action.rawValue,
                   actor: environment.names.states[state], target: environment.names.blocs[bloc],
                   detail: next == nil ? "scripted; ignored: status is \(current.name)" : "scripted")
    }

    /// Creates the value from its fields.
    public init(state: Int, bloc: Int, action: Action) {
        self.state = state
        self.bloc = bloc
        self.action = action
    }
}
