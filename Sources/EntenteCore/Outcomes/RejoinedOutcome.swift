/// `rejoined {state, bloc, by?}`: 1 if the state is an active member of the bloc again, by a date
/// (default: the end), after having left it; `<name>_date` is the first step it is (``StatusTransition``).
public struct RejoinedOutcome: StatusTransitionOutcome {
    public static let typeName = "rejoined"
    /// The rule (from `left` back to `member`).
    public var transition: StatusTransition

    /// Creates the value from its fields.
    public init(state: Int, bloc: Int, byStep: Int?) {
        transition = StatusTransition(state: state, bloc: bloc, byStep: byStep, from: .left)
    }
}
