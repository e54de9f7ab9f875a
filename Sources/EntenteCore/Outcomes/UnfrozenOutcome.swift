/// `unfrozen {state, bloc, by?}`: 1 if the state is an active member of the bloc again, by a date
/// (default: the end), after having been frozen in it; `<name>_date` is the first step it is
/// (``StatusTransition``).
public struct UnfrozenOutcome: DatedStatusOutcome {
    public static let typeName = "unfrozen"
    /// The rule (from `frozen` back to `member`).
    public var transition: StatusTransition
    public var measure: StatusOutcome.Measure { transition.measure }

    public func columns(name: String) -> [OutcomeColumn] { [.init(name: name, kind: .flag), .init(name: name + "_date", kind: .date)] }
    public var initialValues: [Double] { [0, .nan] }
    public func observe(world: World, step: Int, lastStep: Int, values: inout [Double], offset: Int) {
        transition.observe(world: world, step: step, lastStep: lastStep, values: &values, offset: offset)
    }

    /// Creates the value from its fields.
    public init(state: Int, bloc: Int, byStep: Int?) {
        transition = StatusTransition(state: state, bloc: bloc, byStep: byStep, from: .frozen)
    }
}
