/// The rule shared by `rejoined` and `unfrozen`: the first step (up to `by`) at whose end a state is
/// an active member of a bloc after having been seen with status `from` at the end of an earlier step.
///
/// Until the outcome happens, its `_date` slot holds -1 once `from` has been seen (a step is never
/// negative); at the last step a slot that never happened is set back to empty (NaN). A `from` and
/// a return to `member` within the same step are not seen.
public struct StatusTransition: Sendable, Hashable {
    /// The state, bloc and bound; `target` is the status left behind (`from`).
    public var measure: StatusOutcome.Measure

    /// Updates the flag and date slots after `step`.
    @inline(__always)
    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        if values[offset] == 0 && step <= (measure.byStep ?? Int.max) {
            let status = world.status(measure.state, measure.bloc)
            if status == measure.target {
                values[offset + 1] = -1
            } else if status == .member && values[offset + 1] == -1 {
                values[offset] = 1
                values[offset + 1] = Double(step)
            }
        }
        if step == lastStep && values[offset] == 0 { values[offset + 1] = .nan }
    }

    /// Creates the value from its fields.
    public init(state: Int, bloc: Int, byStep: Int?, from: MembershipStatus) {
        measure = StatusOutcome.Measure(state: state, bloc: bloc, byStep: byStep, target: from)
    }
}

/// A dated 0/1 outcome that is one ``StatusTransition`` (`rejoined`, `unfrozen`): the columns, the initial
/// values and the observation all come from the transition, so a type states only its name and rule.
public protocol StatusTransitionOutcome: DatedStatusOutcome {
    /// The rule.
    var transition: StatusTransition { get }
}

extension StatusTransitionOutcome {
    public var measure: StatusOutcome.Measure { transition.measure }
    public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .flag), .init(name: name + "_date", kind: .date)] }
    public var initialValues: [Double] { [0, .nan] }
    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        transition.observe(world: world, step: step, lastStep: lastStep, values: &values, offset: offset)
    }
}
