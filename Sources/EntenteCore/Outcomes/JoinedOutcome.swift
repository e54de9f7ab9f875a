/// `joined {state, bloc, by?}`: 1 if a state that is not a member at the start becomes an active
/// member of the bloc by a date (default: the end), and `<name>_date`, the first step it is one.
///
/// Read at the end of each step, like `left`; a state listed under the bloc's `members` is a member
/// from the start and cannot join (the decoder refuses it: use `rejoined`).
public struct JoinedOutcome: DatedStatusOutcome {
    public static let typeName = "joined"
    /// The state, bloc and bound; `target` is `.member`.
    public var measure: StatusOutcome.Measure

    public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .flag), .init(name: name + "_date", kind: .date)] }
    public var initialValues: [Double] { [0, .nan] }
    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        measure.observe(world: world, step: step, values: &values, offset: offset)
    }

    /// Creates the value from its fields.
    public init(state: Int, bloc: Int, byStep: Int?) {
        measure = StatusOutcome.Measure(state: state, bloc: bloc, byStep: byStep, target: .member)
    }
}
