/// `unfrozen {state, bloc, by?}`: 1 if the state is an active member of the bloc again, by a date
/// (default: the end), after having been frozen in it; `<name>_date` is the first step it is
/// (``StatusTransition``).
public struct UnfrozenOutcome: StatusTransitionOutcome {
    public static let typeName = "unfrozen"
    /// The rule (from `frozen` back to `member`).
    public var transition: StatusTransition

    /// Creates the value from its fields.
    public init(state: Int, bloc: Int, byStep: Int?) {
        transition = StatusTransition(state: state, bloc: bloc, byStep: byStep, from: .frozen)
    }
}
